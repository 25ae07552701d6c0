package org.toesim.tcp.engine;

import org.toesim.tcp.segment.EcnCodepoint;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Segment;

/**
 * Where an engine puts the segments it emits. The caller (host IP layer, TOE transmit path,
 * test harness) frames them; {@code tuple} is the connection seen from the sending side, so
 * {@code tuple.localIp()} is the source address.
 *
 * <p>The engine always calls {@link #send(FourTuple, Segment, int)}: a sink that builds IP
 * headers overrides it and puts the codepoint into the ECN field (RFC 3168 §5); the default,
 * for sinks that keep segments only (tests), drops it. Only an ECN-capable connection ever
 * passes something other than {@link EcnCodepoint#NOT_ECT}.
 */
@FunctionalInterface
public interface SegmentSink {
    /** One segment leaves the connection {@code tuple}. */
    void send(FourTuple tuple, Segment segment);

    /** One segment leaves with {@code ecnCodepoint} ({@link EcnCodepoint}) for its IP header. */
    default void send(FourTuple tuple, Segment segment, int ecnCodepoint) {
        send(tuple, segment);
    }
}
