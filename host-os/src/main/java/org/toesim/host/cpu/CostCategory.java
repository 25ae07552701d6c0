package org.toesim.host.cpu;

/**
 * What a work item's cycles are spent on, for accounting only (it never changes scheduling).
 * The split follows the cost columns of {@link CostTable}, so an experiment can show, for
 * example, that an offloaded connection spends ~0 cycles in {@link #COPY} and {@link #CHECKSUM}
 * per received byte (SYSTEM.md behaviour 3).
 */
public enum CostCategory {
    /** Interrupt entry and exit. */
    INTERRUPT,
    /** Driver work per descriptor (ring refill, transmit post, transmit clean). */
    DRIVER,
    /** Receive-side IP/TCP processing per data segment. */
    PROTOCOL_RX,
    /** Transmit-side TCP/IP processing per segment. */
    PROTOCOL_TX,
    /** Processing or generating a pure ACK. */
    ACK,
    /** Copying payload between kernel and user buffers. */
    COPY,
    /** Software Internet checksum over payload (when the NIC does not offload it). */
    CHECKSUM,
    /** System call entry and exit. */
    SYSCALL,
    /** Context switch (blocking reader woken, thread switch). */
    CONTEXT_SWITCH,
    /** Building and posting an offload command to the adapter. */
    OFFLOAD_COMMAND,
    /** Processing a completion entry posted by the adapter. */
    COMPLETION,
    /** Protocol timers (retransmission, delayed ACK, keep-alive). */
    TIMER,
    /** Application work (the LAWS model's application cycles). */
    APPLICATION,
    /** Anything else. */
    OTHER;

    private static final CostCategory[] VALUES = values();

    /** Number of categories. */
    public static final int COUNT = VALUES.length;

    /** The category with the given ordinal (no array allocation, unlike {@code values()}). */
    public static CostCategory of(int ordinal) {
        return VALUES[ordinal];
    }
}
