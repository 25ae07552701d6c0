package org.toesim.core.units;

import java.math.BigInteger;

/** Transfer-time arithmetic in integer picoseconds, rounded up (a bit is on the wire until it has fully left). */
public final class Rates {
    private static final BigInteger PS_PER_S = BigInteger.valueOf(Units.PS_PER_S);

    private Rates() {
    }

    /** Time to serialise {@code bits} at {@code rateBitsPerSec}, rounded up to a whole picosecond. */
    public static long bitsTimePs(long bits, long rateBitsPerSec) {
        if (rateBitsPerSec <= 0) {
            throw new IllegalArgumentException("rate must be > 0 bps, got " + rateBitsPerSec);
        }
        if (bits < 0) {
            throw new IllegalArgumentException("negative bit count " + bits);
        }
        long hi = Math.multiplyHigh(bits, Units.PS_PER_S);
        long lo = bits * Units.PS_PER_S;
        if (hi == 0 && lo >= 0) {
            return ceilDiv(lo, rateBitsPerSec);
        }
        BigInteger[] qr = BigInteger.valueOf(bits).multiply(PS_PER_S).divideAndRemainder(BigInteger.valueOf(rateBitsPerSec));
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }

    /** Time to serialise {@code lenBytes} at {@code rateBitsPerSec}, rounded up. */
    public static long bytesTimePs(long lenBytes, long rateBitsPerSec) {
        return bitsTimePs(Math.multiplyExact(lenBytes, 8L), rateBitsPerSec);
    }

    /** Duration of {@code cycles} at {@code clockHz}, rounded up to a whole picosecond. */
    public static long cyclesTimePs(long cycles, long clockHz) {
        return bitsTimePs(cycles, clockHz);
    }

    /** Bits per second achieved moving {@code bytes} in {@code durationPs} (0 for an empty interval). */
    public static double bitsPerSec(long bytes, long durationPs) {
        return durationPs <= 0 ? 0.0 : bytes * 8.0 * Units.PS_PER_S / durationPs;
    }

    private static long ceilDiv(long a, long b) {
        long q = a / b;
        return (a % b == 0) ? q : q + 1;
    }
}
