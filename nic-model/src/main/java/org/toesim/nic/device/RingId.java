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
    EVENT(32, Producer.DEVICE);

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
