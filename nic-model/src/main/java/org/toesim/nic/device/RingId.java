package org.toesim.nic.device;

/**
 * The rings of one adapter queue set, their slot size and who produces into them. Host-produced
 * rings are fetched by the adapter after a tail doorbell; device-produced rings are written by
 * the adapter and released by the host with a head doorbell (see {@link Registers}).
 */
public enum RingId {
    /** Control commands ({@link ToeCommand}). */
    COMMAND(64, Producer.HOST),
    /** Send requests ({@link TxDescriptor}). */
    SEND(32, Producer.HOST),
    /** Receive buffers ({@link RxDescriptor}). */
    RECEIVE(32, Producer.HOST),
    /** Completions of commands, sends and buffers ({@link DeviceCompletion}). */
    COMPLETION(32, Producer.DEVICE),
    /** Unsolicited events ({@link DeviceEvent}). */
    EVENT(32, Producer.DEVICE),
    /**
     * Receive buffers posted for offloaded connections ({@link RxDescriptor.PostBuffer}), apart
     * from the NIC buffers of {@link #RECEIVE} (TOE adapters; optional: a PostBuffer on RECEIVE is
     * still accepted). A posted buffer travels with its connection, not in a ring (as in NDIS TCP
     * chimney, where receive requests queue on the offloaded connection): the adapter frees the
     * slot as soon as it has fetched the descriptor, in ring order, and keeps the buffer in the
     * connection's state until it completes. A completion for the buffer of slot {@code s}
     * therefore tells the host that slots up to {@code s} are free again.
     */
    POST(32, Producer.HOST);

    /** Which side writes entries into a ring. */
    public enum Producer {
        HOST,
        DEVICE
    }

    private final int entryBytes;
    private final Producer producer;

    RingId(int entryBytes, Producer producer) {
        this.entryBytes = entryBytes;
        this.producer = producer;
    }

    /** Size of one slot in host memory. */
    public int entryBytes() {
        return entryBytes;
    }

    /** Who writes the entries. */
    public Producer producer() {
        return producer;
    }
}
