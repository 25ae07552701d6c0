package org.toesim.tcp.trace;

import org.toesim.core.trace.TraceCategory;
import org.toesim.core.trace.TraceRecord;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.engine.TcpState;

/**
 * Trace records a TCP engine emits (to the {@code TraceSink} given at construction, only when
 * the sink is enabled), each naming its connection. Sequence numbers are unsigned 32-bit values carried in a long.
 */
public sealed interface TcpTrace extends TraceRecord {
    /** The connection, from the engine's side ({@code local>remote}). */
    @Override
    FourTuple conn();

    @Override
    default TraceCategory traceCategory() {
        return TraceCategory.TCP;
    }

    /** The connection moved from one RFC 9293 state to another. */
    record StateChange(FourTuple conn, TcpState from, TcpState to) implements TcpTrace {
    }

    /** cwnd or ssthresh changed; {@code reason} names the rule (e.g. "ack", "fast-recovery", "rto"). */
    record CwndChange(FourTuple conn, long cwndBytes, long ssthreshBytes, String reason) implements TcpTrace {
    }

    /** The retransmission timer fired; {@code nextRtoPs} is the backed-off timeout now armed. */
    record RtoFired(FourTuple conn, long sndUna, int retries, long nextRtoPs) implements TcpTrace {
    }

    /** A segment was sent again; {@code cause} is "timeout", "fast", "sack", "partial-ack" or "syn". */
    record Retransmit(FourTuple conn, long seq, int lenBytes, String cause) implements TcpTrace {
    }
}
