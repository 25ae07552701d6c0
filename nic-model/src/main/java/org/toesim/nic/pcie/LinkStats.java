package org.toesim.nic.pcie;

import org.toesim.core.units.Rates;

/**
 * Utilisation of one link direction since the last reset.
 *
 * @param messages     transfers sent
 * @param tlps         TLPs those transfers were split into
 * @param payloadBytes data bytes carried (excluding TLP overhead)
 * @param wireBytes    payload plus TLP overhead
 * @param busyPs       time the direction spent serializing
 * @param elapsedPs    time since the last reset
 */
public record LinkStats(long messages, long tlps, long payloadBytes, long wireBytes, long busyPs, long elapsedPs) {
    /** Fraction of the elapsed time the direction was busy (0 for an empty interval). */
    public double utilisation() {
        return elapsedPs <= 0 ? 0.0 : (double) busyPs / elapsedPs;
    }

    /** Payload bits per second over the elapsed time. */
    public double payloadBitsPerSec() {
        return Rates.bitsPerSec(payloadBytes, elapsedPs);
    }
}
