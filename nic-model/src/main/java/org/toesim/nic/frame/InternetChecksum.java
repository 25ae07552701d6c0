package org.toesim.nic.frame;

/**
 * The Internet checksum (RFC 1071): the 16-bit ones' complement of the ones' complement sum of
 * 16-bit big-endian words. Sums are accumulated in a {@code long} and folded once at the end.
 */
public final class InternetChecksum {
    private InternetChecksum() {
    }

    /** Adds the big-endian words of {@code buf[off, off+len)} to {@code sum} (an odd tail byte is padded with zero). */
    public static long add(long sum, byte[] buf, int off, int len) {
        int end = off + len;
        int i = off;
        for (; i + 1 < end; i += 2) {
            sum += ((buf[i] & 0xFF) << 8) | (buf[i + 1] & 0xFF);
        }
        if (i < end) {
            sum += (buf[i] & 0xFF) << 8;
        }
        return sum;
    }

    /** Folds a running sum to 16 bits (end-around carry). */
    public static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) sum;
    }

    /** The checksum field value for a running sum: the complement of the folded sum. */
    public static int finish(long sum) {
        return ~fold(sum) & 0xFFFF;
    }

    /** The TCP pseudo-header sum (RFC 9293 §3.1): addresses, zero, protocol 6, TCP length. */
    public static long tcpPseudoHeader(int srcIp, int dstIp, int tcpLenBytes) {
        return (srcIp >>> 16) + (srcIp & 0xFFFF) + (dstIp >>> 16) + (dstIp & 0xFFFF)
                + Ipv4Header.PROTOCOL_TCP + tcpLenBytes;
    }
}
