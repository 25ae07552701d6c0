package org.toesim.nic.aqm;

import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;

/**
 * The ECN field of a frame's IPv4 header: the low two bits of the TOS octet (RFC 3168 §5).
 *
 * <pre>
 *   tos = | DSCP (6 bits) | ECN (2) |     00 Not-ECT   10 ECT(0)   01 ECT(1)   11 CE
 * </pre>
 *
 * Frames are immutable, so marking builds a new frame (and header) with CE set; a frame already
 * CE is returned as it is (RFC 3168 §5: a CE packet stays CE; Linux {@code INET_ECN_set_ce}).
 */
public final class Ecn {
    /** Not ECN-capable transport. */
    public static final int NOT_ECT = 0b00;
    /** ECN-capable transport, codepoint ECT(1) (L4S, RFC 9331). */
    public static final int ECT_1 = 0b01;
    /** ECN-capable transport, codepoint ECT(0) (RFC 3168 senders). */
    public static final int ECT_0 = 0b10;
    /** Congestion experienced. */
    public static final int CE = 0b11;
    private static final int MASK = 0b11;

    private Ecn() {
    }

    /** The ECN codepoint of {@code frame}. */
    public static int codepoint(Frame frame) {
        return frame.ip().tos() & MASK;
    }

    /** True if a queue may mark {@code frame} instead of dropping it: ECT(0), ECT(1) or already CE. */
    public static boolean markable(Frame frame) {
        return codepoint(frame) != NOT_ECT;
    }

    /** {@code frame} with ECN codepoint {@code ecn}, DSCP and everything else kept. */
    public static Frame withCodepoint(Frame frame, int ecn) {
        if ((ecn & ~MASK) != 0) {
            throw new IllegalArgumentException("ECN codepoint " + ecn + " is not two bits");
        }
        if (codepoint(frame) == ecn) {
            return frame;
        }
        Ipv4Header h = frame.ip();
        Ipv4Header marked = new Ipv4Header(h.srcIp(), h.dstIp(), h.identification(), h.ttl(),
                (h.tos() & ~MASK) | ecn, h.dontFragment(), h.moreFragments(), h.fragmentOffsetBytes(),
                h.optionsLenBytes());
        return new Frame(frame.frameId(), frame.srcMac(), frame.dstMac(), marked, frame.tcp(), frame.corrupted());
    }

    /** {@code frame} marked Congestion Experienced (RFC 3168 §5). */
    public static Frame withCe(Frame frame) {
        return withCodepoint(frame, CE);
    }
}
