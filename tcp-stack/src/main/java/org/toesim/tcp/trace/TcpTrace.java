package org.toesim.tcp.trace;

import org.toesim.core.trace.TraceRecord;
import org.toesim.tcp.engine.TcpState;

/**
 * Trace records a TCP engine emits (to the {@code TraceSink} given at construction, only when
 * the sink is enabled). Sequence numbers are unsigned 32-bit values carried in a long.
 */
public sealed interface TcpTrace extends TraceRecord {
    /** The connection moved from one RFC 9293 state to another. */
    record StateChange(TcpState from, TcpState to) implements TcpTrace {
    }

    /** cwnd or ssthresh changed; {@code reason} names the rule (e.g. "ack", "fast-recovery", "rto"). */
    record CwndChange(long cwndBytes, long ssthreshBytes, String reason) implements TcpTrace {
    }

    /** The retransmission timer fired; {@code nextRtoPs} is the backed-off timeout now armed. */
    record RtoFired(long sndUna, int retries, long nextRtoPs) implements TcpTrace {
    }

    /** A segment was sent again; {@code cause} is "timeout", "fast", "sack", "partial-ack" or "syn". */
    record Retransmit(long seq, int lenBytes, String cause) implements TcpTrace {
    }
}
