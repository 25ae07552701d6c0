package org.toesim.nic.mac;

import java.util.Objects;
import org.toesim.nic.aqm.AqmSpec;
import org.toesim.nic.frame.EthernetWire;

/**
 * Configuration of one Ethernet MAC port.
 *
 * @param rateBitsPerSec line rate, e.g. 10_000_000_000 for 10GBASE-R
 * @param mtuBytes       largest IP packet accepted (1500 standard, up to 9000 or more for jumbo)
 * @param txQueue        capacity of the drop-tail transmit queue (the frame being sent is not in it)
 * @param deviceWaits    true (default): the device feeding this port (a NIC's
 *                       {@link org.toesim.nic.plain.FrameTransmitter}) holds its frames while the
 *                       queue is full, as a card waits on its own MAC FIFO, so the queue never
 *                       drops them and the backlog moves up to the descriptor ring and the host;
 *                       false: the queue is a link's drop-tail buffer in front of a slower line
 *                       (netem's {@code limit}, a testbed relay's queue): the device hands every
 *                       frame in at its own pace and what does not fit is dropped (txQueueDrops)
 * @param aqm            the transmit queue's active queue management ({@link AqmSpec#DROP_TAIL}:
 *                       none, only the limit drops)
 */
public record MacConfig(long rateBitsPerSec, int mtuBytes, QueueLimit txQueue, boolean deviceWaits, AqmSpec aqm) {
    public static final long TEN_GBPS = 10_000_000_000L;

    public MacConfig {
        if (rateBitsPerSec <= 0) {
            throw new IllegalArgumentException("line rate must be > 0 bit/s, got " + rateBitsPerSec);
        }
        if (mtuBytes < 68 || mtuBytes > 65535) {
            throw new IllegalArgumentException("MTU " + mtuBytes + " bytes outside 68..65535 (RFC 791 §3.1)");
        }
        Objects.requireNonNull(aqm, "aqm");
    }

    /** A drop-tail port. */
    public MacConfig(long rateBitsPerSec, int mtuBytes, QueueLimit txQueue, boolean deviceWaits) {
        this(rateBitsPerSec, mtuBytes, txQueue, deviceWaits, AqmSpec.DROP_TAIL);
    }

    /** A port whose device waits while the queue is full. */
    public MacConfig(long rateBitsPerSec, int mtuBytes, QueueLimit txQueue) {
        this(rateBitsPerSec, mtuBytes, txQueue, true);
    }

    /** 10 Gbit/s, MTU 1500, 1000-frame transmit queue (Linux's default txqueuelen). */
    public static MacConfig tenGig() {
        return new MacConfig(TEN_GBPS, EthernetWire.DEFAULT_MTU_BYTES, QueueLimit.frames(1000));
    }

    public MacConfig withRate(long newRateBitsPerSec) {
        return new MacConfig(newRateBitsPerSec, mtuBytes, txQueue, deviceWaits, aqm);
    }

    public MacConfig withMtu(int newMtuBytes) {
        return new MacConfig(rateBitsPerSec, newMtuBytes, txQueue, deviceWaits, aqm);
    }

    public MacConfig withTxQueue(QueueLimit newTxQueue) {
        return new MacConfig(rateBitsPerSec, mtuBytes, newTxQueue, deviceWaits, aqm);
    }

    /** This port with the device waiting on a full queue ({@code true}) or its frames dropped there. */
    public MacConfig withDeviceWaits(boolean waits) {
        return new MacConfig(rateBitsPerSec, mtuBytes, txQueue, waits, aqm);
    }

    /** This port with queue discipline {@code newAqm}. */
    public MacConfig withAqm(AqmSpec newAqm) {
        return new MacConfig(rateBitsPerSec, mtuBytes, txQueue, deviceWaits, newAqm);
    }
}
