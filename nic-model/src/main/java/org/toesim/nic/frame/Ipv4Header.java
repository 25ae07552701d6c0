package org.toesim.nic.frame;

import org.toesim.tcp.segment.FourTuple;

/**
 * The IPv4 header fields a frame carries (RFC 791 §3.1). Addresses are unsigned 32-bit values
 * in an int, as in {@link FourTuple}. The model neither fragments nor reassembles: the fragment
 * fields are header values (a classifier sends fragments to the slow path) and the IP payload
 * is always the whole TCP segment. IP options are carried by length only and encoded as
 * No-Operation options (RFC 791 option type 1).
 *
 * @param srcIp               source address
 * @param dstIp               destination address
 * @param identification      16-bit identification field
 * @param ttl                 time to live, 0..255
 * @param tos                 the TOS octet (DSCP in the top 6 bits, ECN in the low 2; RFC 2474, RFC 3168)
 * @param dontFragment        DF flag
 * @param moreFragments       MF flag
 * @param fragmentOffsetBytes fragment offset in bytes, a multiple of 8 below 65536
 * @param optionsLenBytes     length of IP options, a multiple of 4, at most 40
 */
public record Ipv4Header(int srcIp, int dstIp, int identification, int ttl, int tos,
                         boolean dontFragment, boolean moreFragments, int fragmentOffsetBytes,
                         int optionsLenBytes) {
    /** Header length without options. */
    public static final int MIN_HEADER_BYTES = 20;
    /** IP protocol number of TCP. */
    public static final int PROTOCOL_TCP = 6;
    /** Default TTL (Linux net.ipv4.ip_default_ttl). */
    public static final int DEFAULT_TTL = 64;

    public Ipv4Header {
        check(identification, 0xFFFF, "identification");
        check(ttl, 0xFF, "ttl");
        check(tos, 0xFF, "tos");
        if (fragmentOffsetBytes < 0 || fragmentOffsetBytes % 8 != 0 || fragmentOffsetBytes > 8 * 0x1FFF) {
            throw new IllegalArgumentException("fragment offset " + fragmentOffsetBytes + " bytes is not a multiple of 8 in range");
        }
        if (optionsLenBytes < 0 || optionsLenBytes % 4 != 0 || optionsLenBytes > 40) {
            throw new IllegalArgumentException("IP options length " + optionsLenBytes + " must be 0..40 in steps of 4");
        }
    }

    /** A plain header: TTL 64, TOS 0, DF set, no options, not a fragment. */
    public static Ipv4Header of(int srcIp, int dstIp, int identification) {
        return new Ipv4Header(srcIp, dstIp, identification, DEFAULT_TTL, 0, true, false, 0, 0);
    }

    /** The header of a packet sent on {@code tuple} (local to remote). */
    public static Ipv4Header from(FourTuple tuple, int identification) {
        return of(tuple.localIp(), tuple.remoteIp(), identification);
    }

    /** Header length including options. */
    public int headerLenBytes() {
        return MIN_HEADER_BYTES + optionsLenBytes;
    }

    /** DSCP, the top six bits of the TOS octet. */
    public int dscp() {
        return tos >>> 2;
    }

    /** True for any fragment (MF set or a non-zero offset). */
    public boolean isFragment() {
        return moreFragments || fragmentOffsetBytes != 0;
    }

    /** This header with TTL {@code newTtl} (e.g. one less after a router hop). */
    public Ipv4Header withTtl(int newTtl) {
        return new Ipv4Header(srcIp, dstIp, identification, newTtl, tos, dontFragment, moreFragments,
                fragmentOffsetBytes, optionsLenBytes);
    }

    private static void check(int value, int max, String what) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " " + value + " out of range 0.." + max);
        }
    }
}
