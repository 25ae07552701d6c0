package org.toesim.nic.device;

/**
 * The adapter's register map in BAR 0 (offsets in bytes). The driver programs rings and
 * interrupt moderation through these, and rings doorbells by writing ring indices.
 *
 * <pre>
 *   0x0000  STATUS         (read, 4 B)   1 = ready
 *   0x0008  CONTROL        (write, 4 B)  1 = enable, 2 = reset
 *   0x1000 + 0x40*ring     ring block (ring = RingId.ordinal())
 *           +0x00 BASE     (8 B) host address of slot 0
 *           +0x08 SIZE     (4 B) slots, a power of two &gt;= 2
 *           +0x10 HEAD     (4 B) consumer index: device-produced rings: host writes it (doorbell)
 *           +0x18 TAIL     (4 B) producer index: host-produced rings: host writes it (doorbell)
 *           +0x20 VECTOR   (4 B) MSI-X vector raised for entries of a device-produced ring
 *   0x2000 + 0x10*vector   interrupt moderation (ethtool -C semantics)
 *           +0x00 USECS    (4 B) rx/tx-usecs
 *           +0x04 FRAMES   (4 B) rx/tx-max-frames
 * </pre>
 *
 * Indices run in {@code [0, SIZE)}; a ring holds at most {@code SIZE - 1} entries (head == tail
 * means empty).
 */
public final class Registers {
    /** The BAR that holds the registers. */
    public static final int BAR = 0;
    public static final long STATUS = 0x0000;
    public static final long CONTROL = 0x0008;
    public static final long CONTROL_ENABLE = 1;
    public static final long CONTROL_RESET = 2;

    public static final long RING_BLOCKS = 0x1000;
    public static final long RING_STRIDE = 0x40;
    public static final long RING_BASE = 0x00;
    public static final long RING_SIZE = 0x08;
    public static final long RING_HEAD = 0x10;
    public static final long RING_TAIL = 0x18;
    public static final long RING_VECTOR = 0x20;

    public static final long IRQ_BLOCKS = 0x2000;
    public static final long IRQ_STRIDE = 0x10;
    public static final long IRQ_USECS = 0x00;
    public static final long IRQ_FRAMES = 0x04;
    /** Number of MSI-X vectors the register map provides. */
    public static final int MAX_VECTORS = 64;

    private Registers() {
    }

    /** Offset of register {@code field} (e.g. {@link #RING_TAIL}) of {@code ring}. */
    public static long ring(RingId ring, long field) {
        return RING_BLOCKS + RING_STRIDE * ring.ordinal() + field;
    }

    /** Offset of moderation register {@code field} of MSI-X {@code vector}. */
    public static long irq(int vector, long field) {
        if (vector < 0 || vector >= MAX_VECTORS) {
            throw new IllegalArgumentException("vector " + vector + " outside [0, " + MAX_VECTORS + ")");
        }
        return IRQ_BLOCKS + IRQ_STRIDE * vector + field;
    }

    /** The ring whose block holds {@code offset}, or null. */
    public static RingId ringAt(long offset) {
        long index = (offset - RING_BLOCKS) / RING_STRIDE;
        if (offset < RING_BLOCKS || index >= RingId.values().length) {
            return null;
        }
        return RingId.values()[(int) index];
    }

    /** The field offset of {@code offset} inside its ring block. */
    public static long ringField(long offset) {
        return (offset - RING_BLOCKS) % RING_STRIDE;
    }
}
