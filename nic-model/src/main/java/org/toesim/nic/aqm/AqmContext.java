package org.toesim.nic.aqm;

import org.toesim.core.random.RandomStreams;

/**
 * What a discipline may know of the port it runs on.
 *
 * @param portName       the port's name; random streams are named {@code <portName>.aqm}
 * @param rateBitsPerSec the port's line rate (RED's idle decay counts packet times at it)
 * @param mtuBytes       the port's MTU (CoDel's MAXPACKET is one MTU-sized frame)
 * @param streams        the run's random streams, or null where no discipline draws
 */
public record AqmContext(String portName, long rateBitsPerSec, int mtuBytes, RandomStreams streams) {
    /** The stream RED draws from: {@code <portName>.aqm}. */
    public org.apache.commons.math3.random.RandomGenerator stream() {
        if (streams == null) {
            throw new IllegalStateException(portName + ": this queue discipline draws random numbers; "
                    + "build the port with the run's RandomStreams");
        }
        return streams.get(portName + ".aqm");
    }
}
