package org.toesim.tcp.segment;

/**
 * The ECN field of the IP header (the low two bits of the IPv4 TOS octet, RFC 3168 §5), as the
 * TCP engine hands it to the IP layer with each segment it sends and gets it with each one that
 * arrives.
 *
 * <pre>
 *   00 Not-ECT   01 ECT(1)   10 ECT(0)   11 CE (congestion experienced, set by a queue)
 * </pre>
 */
public final class EcnCodepoint {
    /** Not ECN-capable transport. */
    public static final int NOT_ECT = 0b00;
    /** ECN-capable transport, codepoint 1 (L4S, RFC 9331). */
    public static final int ECT_1 = 0b01;
    /** ECN-capable transport, codepoint 0: what RFC 3168 senders set. */
    public static final int ECT_0 = 0b10;
    /** Congestion experienced. */
    public static final int CE = 0b11;

    private EcnCodepoint() {
    }

    /** The ECN field of a TOS octet. */
    public static int ofTos(int tos) {
        return tos & 0b11;
    }

    /** {@code tos} with its ECN field replaced by {@code codepoint} (DSCP kept). */
    public static int withTos(int tos, int codepoint) {
        return (tos & ~0b11) | (codepoint & 0b11);
    }
}
