package org.toesim.nic.toe;

import org.toesim.core.trace.TraceCategory;
import org.toesim.core.trace.TraceSink;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * Builds the card's {@link CardTrace} records, only when the trace takes them: one place that
 * knows the component name and turns segments into fields.
 */
final class CardTracer {
    private final TraceSink trace;
    private final String component;
    private final boolean on;

    CardTracer(TraceSink trace, String component) {
        this.trace = trace;
        this.component = component;
        this.on = trace.enabled(TraceCategory.CARD);
    }

    boolean on() {
        return on;
    }

    void record(long nowPs, CardTrace record) {
        if (on) {
            trace.record(nowPs, component, record);
        }
    }

    void classified(long nowPs, CardConnection c, Frame frame, PathReason reason) {
        if (on) {
            Segment s = frame.tcp();
            FourTuple conn = c != null ? c.tuple : new FourTuple(frame.ip().dstIp(), s.dstPort(), frame.ip().srcIp(),
                    s.srcPort());
            trace.record(nowPs, component, new CardTrace.Classified(conn, reason.name(), s.seq() & 0xFFFFFFFFL,
                    s.ack() & 0xFFFFFFFFL, s.payloadLenBytes(), TcpFlags.toString(s.flags())));
        }
    }

    void segmentOut(long nowPs, CardConnection c, Segment s) {
        if (on) {
            trace.record(nowPs, component, new CardTrace.SegmentOut(c.tuple, s.seq() & 0xFFFFFFFFL,
                    s.ack() & 0xFFFFFFFFL, s.payloadLenBytes(), TcpFlags.toString(s.flags()), s.window()));
        }
    }

    /** Trace sink for the card's TCP engines. */
    TraceSink sink() {
        return trace;
    }
}
