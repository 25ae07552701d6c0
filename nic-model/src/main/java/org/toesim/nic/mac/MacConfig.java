package org.toesim.nic.mac;

import org.toesim.nic.frame.EthernetWire;

/**
 * Configuration of one Ethernet MAC port.
 *
 * @param rateBitsPerSec line rate, e.g. 10_000_000_000 for 10GBASE-R
 * @param mtuBytes       largest IP packet accepted (1500 standard, up to 9000 or more for jumbo)
 * @param txQueue        capacity of the drop-tail transmit queue (the frame being sent is not in it)
 */
public record MacConfig(long rateBitsPerSec, int mtuBytes, QueueLimit txQueue) {
    public static final long TEN_GBPS = 10_000_000_000L;

    public MacConfig {
        if (rateBitsPerSec <= 0) {
            throw new IllegalArgumentException("line rate must be > 0 bit/s, got " + rateBitsPerSec);
        }
        if (mtuBytes < 68 || mtuBytes > 65535) {
            throw new IllegalArgumentException("MTU " + mtuBytes + " bytes outside 68..65535 (RFC 791 §3.1)");
        }
    }

    /** 10 Gbit/s, MTU 1500, 1000-frame transmit queue (Linux's default txqueuelen). */
    public static MacConfig tenGig() {
        return new MacConfig(TEN_GBPS, EthernetWire.DEFAULT_MTU_BYTES, QueueLimit.frames(1000));
    }

    public MacConfig withRate(long newRateBitsPerSec) {
        return new MacConfig(newRateBitsPerSec, mtuBytes, txQueue);
    }

    public MacConfig withMtu(int newMtuBytes) {
        return new MacConfig(rateBitsPerSec, newMtuBytes, txQueue);
    }

    public MacConfig withTxQueue(QueueLimit newTxQueue) {
        return new MacConfig(rateBitsPerSec, mtuBytes, newTxQueue);
    }
}
