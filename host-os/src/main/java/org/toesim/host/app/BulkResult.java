package org.toesim.host.app;

import org.toesim.core.units.Rates;

/**
 * Outcome of one bulk transfer as the receiver saw it.
 *
 * @param bytes        bytes received
 * @param startPs      connection accepted
 * @param firstBytePs  first bytes placed into the application's buffer
 * @param lastBytePs   last byte placed (completion time)
 * @param eof          the sender's close was seen
 */
public record BulkResult(long bytes, long startPs, long firstBytePs, long lastBytePs, boolean eof) {
    /** Application goodput from accept to the last byte. */
    public double goodputBitsPerSec() {
        return Rates.bitsPerSec(bytes, lastBytePs - startPs);
    }

    /** Time from accept to the last byte. */
    public long completionPs() {
        return lastBytePs - startPs;
    }
}
