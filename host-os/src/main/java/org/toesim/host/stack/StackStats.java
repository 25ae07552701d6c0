package org.toesim.host.stack;

/**
 * Stack-wide counters of a {@link HostStack}.
 *
 * @param framesIn                  frames the device delivered
 * @param framesNotForUs            frames dropped: other destination address or corrupted
 * @param segmentsWithoutConnection segments matching no connection and no listener (answered with RST)
 * @param framesOut                 frames handed to the device
 * @param tsoFramesOut              of which large segments for TSO
 * @param payloadBytesOut           TCP payload bytes handed to the device
 * @param deviceRefusals            frames the device refused at first (backpressure)
 * @param liveConnections           connections in the demultiplexing table now
 */
public record StackStats(long framesIn, long framesNotForUs, long segmentsWithoutConnection, long framesOut,
                         long tsoFramesOut, long payloadBytesOut, long deviceRefusals, int liveConnections) {
}
