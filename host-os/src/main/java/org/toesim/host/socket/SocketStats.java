package org.toesim.host.socket;

import org.toesim.host.stack.Placement;
import org.toesim.tcp.engine.ConnectionStats;
import org.toesim.tcp.segment.FourTuple;

/**
 * The unified per-connection view (claim 12): what the application did on the socket and what
 * TCP did underneath, wherever the connection runs.
 *
 * @param tuple              local/remote addresses and ports
 * @param placement          where TCP runs now (HOST; OFFLOADED on the adapter)
 * @param appBytesSent       bytes the application handed to send calls (completed)
 * @param appBytesAccepted   bytes placed into the application's posted buffers (claim 13)
 * @param bytesIn            payload bytes TCP received (duplicates included)
 * @param bytesOut           payload bytes TCP sent (retransmissions included)
 * @param segmentsIn         segments TCP processed
 * @param segmentsOut        segments TCP emitted
 * @param retransmits        fast + timeout retransmissions
 * @param srttPs             smoothed RTT (0 before a sample)
 * @param cwndBytes          congestion window
 * @param sendLimits         where the sender's time went (busy, congestion- and receive-window limited)
 * @param ceReceived         data segments received with CE (RFC 3168 §5)
 * @param ecnReductions      window reductions on ECN-Echo (RFC 3168 §6.1.2)
 */
public record SocketStats(FourTuple tuple, Placement placement, long appBytesSent, long appBytesAccepted,
                          long bytesIn, long bytesOut, long segmentsIn, long segmentsOut, long retransmits,
                          long srttPs, long cwndBytes, ConnectionStats.SendLimits sendLimits, long ceReceived,
                          long ecnReductions) {
    static SocketStats of(FourTuple tuple, Placement placement, long sent, long accepted, ConnectionStats s) {
        return new SocketStats(tuple, placement, sent, accepted, s.bytesIn(), s.bytesOut(), s.segmentsIn(),
                s.segmentsOut(), s.fastRetransmits() + s.timeoutRetransmits(), s.srttPs(), s.cwndBytes(), s.sendLimits(),
                s.ceReceived(), s.ecnReductions());
    }
}
