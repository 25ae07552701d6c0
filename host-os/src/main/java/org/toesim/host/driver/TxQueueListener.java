package org.toesim.host.driver;

/** Told when a stopped transmit queue has room again (Linux {@code netif_wake_queue}). */
@FunctionalInterface
public interface TxQueueListener {
    /** {@code freeSlots} send slots are free; {@link NicDriver#send} will accept frames again. */
    void onTxWake(int freeSlots);
}
