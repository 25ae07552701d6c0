package org.toesim.tcp.seq;

/**
 * Modular 32-bit TCP sequence-number arithmetic (RFC 9293 §3.4, RFC 1982). Sequence numbers
 * are carried as {@code int}; comparisons are by the sign of the 32-bit difference, so they
 * stay correct across the 2^32 wrap as long as the two numbers are within 2^31 of each other.
 */
public final class SeqNum {
    private SeqNum() {
    }

    /** {@code a < b} in sequence space. */
    public static boolean lt(int a, int b) {
        return a - b < 0;
    }

    /** {@code a <= b} in sequence space. */
    public static boolean le(int a, int b) {
        return a - b <= 0;
    }

    /** {@code a > b} in sequence space. */
    public static boolean gt(int a, int b) {
        return a - b > 0;
    }

    /** {@code a >= b} in sequence space. */
    public static boolean ge(int a, int b) {
        return a - b >= 0;
    }

    /** Distance {@code b - a} as a non-negative long, assuming {@code a <= b}. */
    public static long distance(int a, int b) {
        return (b - a) & 0xFFFFFFFFL;
    }

    /** {@code a + n} with wrap. */
    public static int add(int a, long n) {
        return (int) (a + n);
    }

    /** {@code lo <= x < hi} in sequence space (RFC 9293 §3.4 acceptability tests). */
    public static boolean inWindow(int x, int lo, int hi) {
        return le(lo, x) && lt(x, hi);
    }

    /** The later of two sequence numbers. */
    public static int max(int a, int b) {
        return gt(a, b) ? a : b;
    }

    /** The earlier of two sequence numbers. */
    public static int min(int a, int b) {
        return lt(a, b) ? a : b;
    }

    /** Unsigned decimal form, as in packet traces. */
    public static String toString(int seq) {
        return Long.toString(seq & 0xFFFFFFFFL);
    }
}
