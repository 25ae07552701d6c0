package org.toesim.nic.toe;

import java.util.Objects;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * Receive classification (claim 14): which frames the card processes itself (fast path) and
 * which go to the host (slow path). Checks run cheapest first and the first match decides:
 *
 * <pre>
 *   corrupted (TCP checksum fails)        -&gt; BAD_CHECKSUM
 *   IP fragment                           -&gt; IP_FRAGMENT
 *   IP options (if ipOptionsToHost)       -&gt; IP_OPTIONS
 *   no CCB for the four-tuple             -&gt; NO_CCB
 *   CCB not active (flushing, failed)     -&gt; NOT_ACTIVE
 *   SYN / RST / URG                       -&gt; SYN / RST / URG
 *   seq != RCV.NXT (data or FIN)          -&gt; OUT_OF_ORDER
 *   FIN                                   -&gt; FAST_FIN (ON_CARD) or FIN (TO_HOST)
 *   payload &gt; 0                           -&gt; FAST_DATA
 *   otherwise                             -&gt; FAST_ACK
 * </pre>
 *
 * "In order" means the segment starts exactly at RCV.NXT (RFC 9293 §3.10.7.4: the card keeps no
 * reassembly queue of its own; a retransmission of already received bytes also starts below
 * RCV.NXT and goes to the host, which discards it after upload). A pure ACK is in order whatever
 * its sequence number: the engine validates it. Stateless apart from its configuration.
 */
public final class Classifier {
    private final boolean ipOptionsToHost;
    private final ToeConfig.FinAction finAction;

    public Classifier(ToeConfig config) {
        Objects.requireNonNull(config, "config");
        this.ipOptionsToHost = config.ipOptionsToHost();
        this.finAction = config.fin();
    }

    /** Frame-level checks that need no CCB; null when the frame passes them. */
    public PathReason frameCheck(Frame frame) {
        if (frame.corrupted()) {
            return PathReason.BAD_CHECKSUM;
        }
        if (frame.ip().isFragment()) {
            return PathReason.IP_FRAGMENT;
        }
        if (ipOptionsToHost && frame.ip().optionsLenBytes() > 0) {
            return PathReason.IP_OPTIONS;
        }
        return null;
    }

    /** Segment-level checks for a frame whose four-tuple has an active CCB with RCV.NXT {@code rcvNxt}. */
    public PathReason segmentCheck(Segment seg, int rcvNxt) {
        int flags = seg.flags();
        if ((flags & TcpFlags.SYN) != 0) {
            return PathReason.SYN;
        }
        if ((flags & TcpFlags.RST) != 0) {
            return PathReason.RST;
        }
        if ((flags & TcpFlags.URG) != 0) {
            return PathReason.URG;
        }
        boolean fin = (flags & TcpFlags.FIN) != 0;
        if ((seg.payloadLenBytes() > 0 || fin) && seg.seq() != rcvNxt) {
            return PathReason.OUT_OF_ORDER;
        }
        if (fin) {
            return finAction.closesOnCard() ? PathReason.FAST_FIN : PathReason.FIN;
        }
        return seg.payloadLenBytes() > 0 ? PathReason.FAST_DATA : PathReason.FAST_ACK;
    }
}
