package org.toesim.tcp.rtt;

import org.toesim.core.units.Units;

/**
 * Parameters of the RFC 6298 retransmission-timer computation, all in picoseconds.
 *
 * @param initialRtoPs      RTO before the first RTT sample (RFC 6298 §2.1: 1 s)
 * @param minRtoPs          lower clamp of a computed RTO (§2.4: SHOULD be 1 s)
 * @param maxRtoPs          upper clamp, also of backed-off values (§2.5: at least 60 s)
 * @param clockGranularityPs G in {@code RTO = SRTT + max(G, K*RTTVAR)} (§2.2, §2.3)
 */
public record RttConfig(long initialRtoPs, long minRtoPs, long maxRtoPs, long clockGranularityPs) {
    public RttConfig {
        if (initialRtoPs <= 0 || minRtoPs < 0 || clockGranularityPs < 0) {
            throw new IllegalArgumentException("RTO parameters must be positive: " + initialRtoPs
                    + " ps initial, " + minRtoPs + " ps min, G " + clockGranularityPs + " ps");
        }
        if (maxRtoPs < minRtoPs || maxRtoPs < initialRtoPs) {
            throw new IllegalArgumentException("max RTO " + maxRtoPs + " ps is below min " + minRtoPs
                    + " ps or initial " + initialRtoPs + " ps");
        }
    }

    /**
     * RFC 6298 as written: initial 1 s (§2.1), minimum 1 s (§2.4), maximum 60 s (§2.5), and
     * G = 1 ms, the tick of a typical millisecond-clock stack (with a 1 s floor G rarely
     * matters; the simulator's own clock is 1 ps).
     */
    public static RttConfig rfc6298() {
        return new RttConfig(Units.PS_PER_S, Units.PS_PER_S, 60 * Units.PS_PER_S, Units.PS_PER_MS);
    }

    /**
     * Linux-like values: initial 1 s (TCP_TIMEOUT_INIT), minimum 200 ms (TCP_RTO_MIN),
     * maximum 120 s (TCP_RTO_MAX), G = 1 ms (HZ = 1000). Linux folds the minimum into RTTVAR
     * instead of clamping the sum; here the minimum is a clamp, as in RFC 6298 §2.4.
     */
    public static RttConfig linuxLike() {
        return new RttConfig(Units.PS_PER_S, 200 * Units.PS_PER_MS, 120 * Units.PS_PER_S, Units.PS_PER_MS);
    }
}
