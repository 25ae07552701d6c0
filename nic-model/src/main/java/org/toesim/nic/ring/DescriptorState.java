package org.toesim.nic.ring;

/**
 * Lifecycle of one ring slot.
 *
 * <pre>
 *   host-produced ring (command, send, receive):
 *     FREE/RECLAIMED --tail doorbell--&gt; POSTED --DMA read issued--&gt; FETCHING --completion--&gt; FETCHED
 *       --device takes it--&gt; IN_USE --device done--&gt; COMPLETED --head passes it--&gt; RECLAIMED
 *   device-produced ring (completion, event):
 *     FREE/RECLAIMED --device posts an entry--&gt; IN_USE --DMA write issued--&gt; COMPLETED
 *       --host head doorbell--&gt; RECLAIMED
 * </pre>
 */
public enum DescriptorState {
    /** Never used since the ring was configured. */
    FREE,
    /** Announced by the host's tail doorbell, not yet fetched. */
    POSTED,
    /** A DMA read for it is in flight. */
    FETCHING,
    /** On the card, waiting for the device to take it. */
    FETCHED,
    /** The device is working on it (or, on a device-produced ring, an entry waits to be written). */
    IN_USE,
    /** The device is done with it (or has written it back). */
    COMPLETED,
    /** Returned to the producer for reuse. */
    RECLAIMED;

    /** Whether the producer may write the slot. */
    public boolean isFreeForProducer() {
        return this == FREE || this == RECLAIMED;
    }
}
