package org.toesim.nic.net;

import org.toesim.core.trace.TraceCategory;
import org.toesim.core.trace.TraceRecord;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * A frame that crossed a link direction (component: the direction, e.g. {@code link0.ab}),
 * recorded when it reaches the far end: from the sender's lifeline ({@code a.nic},
 * {@code b.card}, a switch) to the receiver's. {@code conn} is the sender's view
 * ({@code src>dst}); sequence numbers are unsigned 32-bit values.
 */
public record WireTrace(String from, String to, long sentPs, long frameId, FourTuple conn, long seq, long ack,
                        int lenBytes, String flags, int window, boolean corrupted) implements TraceRecord {
    @Override
    public String event() {
        return "Frame";
    }

    @Override
    public TraceCategory traceCategory() {
        return TraceCategory.WIRE;
    }

    static WireTrace of(String from, String to, long sentPs, Frame f) {
        Segment s = f.tcp();
        return new WireTrace(from, to, sentPs, f.frameId(), new FourTuple(f.ip().srcIp(), s.srcPort(), f.ip().dstIp(),
                s.dstPort()), s.seq() & 0xFFFFFFFFL, s.ack() & 0xFFFFFFFFL, s.payloadLenBytes(),
                TcpFlags.toString(s.flags()), s.window(), f.corrupted());
    }
}
