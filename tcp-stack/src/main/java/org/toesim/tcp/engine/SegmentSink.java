package org.toesim.tcp.engine;

import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Segment;

/**
 * Where an engine puts the segments it emits. The caller (host IP layer, TOE transmit path,
 * test harness) frames them; {@code tuple} is the connection seen from the sending side, so
 * {@code tuple.localIp()} is the source address.
 */
@FunctionalInterface
public interface SegmentSink {
    /** One segment leaves the connection {@code tuple}. */
    void send(FourTuple tuple, Segment segment);
}
