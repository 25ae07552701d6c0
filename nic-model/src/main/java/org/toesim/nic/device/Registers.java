package org.toesim.nic.device;

/**
 * The adapter's register map in BAR 0 (offsets in bytes). The driver programs rings and
 * interrupt moderation through these, and rings doorbells by writing ring indices.
 *
 * <pre>
 *   0x0000  STATUS         (read, 4 B)   1 = ready
 *   0x0008  CONTROL        (write, 4 B)  1 = enable, 2 = reset
 *   0x0010  QUEUES         (read, 4 B)   queue pairs the adapter has (1..MAX_QUEUES)
 *   0x1000 + 0x200*queue + 0x40*ring
 *                          ring block (ring = RingId.ordinal()); queue 0 is the single-queue layout
 *           +0x00 BASE     (8 B) host address of slot 0
 *           +0x08 SIZE     (4 B) slots, a power of two &gt;= 2
 *           +0x10 HEAD     (4 B) consumer index: device-produced rings: host writes it (doorbell)
 *           +0x18 TAIL     (4 B) producer index: host-produced rings: host writes it (doorbell)
 *           +0x20 VECTOR   (4 B) MSI-X vector raised for entries of a device-produced ring
 *   0x2000 + 0x10*vector   interrupt moderation (ethtool -C semantics)
 *           +0x00 USECS    (4 B) rx/tx-usecs
 *           +0x04 FRAMES   (4 B) rx/tx-max-frames
 *   0x3000 + 4*i           RSS indirection table entry i (4 B, i &lt; RSS_TABLE_ENTRIES): queue
 *   0x3400 + 4*w           RSS hash key word w (4 B, w &lt; 10), key bytes 4w..4w+3, big-endian
 * </pre>
 *
 * Multi-queue adapters (the plain NIC) repeat the ring block per queue pair: queue {@code q}'s
 * SEND, RECEIVE and COMPLETION rings are at {@link #ring(int, RingId, long)}. Each queue's
 * COMPLETION ring raises the vector written to its VECTOR register, moderated per vector.
 *
 * Indices run in {@code [0, SIZE)}; a ring holds at most {@code SIZE - 1} entries (head == tail
 * means empty).
 */
public final class Registers {
    /** The rings in block order; one copy (RingId.values() copies the array on every call), never written. */
    private static final RingId[] RINGS = RingId.values();

    /** The BAR that holds the registers. */
    public static final int BAR = 0;
    public static final long STATUS = 0x0000;
    public static final long CONTROL = 0x0008;
    public static final long CONTROL_ENABLE = 1;
    public static final long CONTROL_RESET = 2;
    /** Number of queue pairs (read only). */
    public static final long QUEUES = 0x0010;

    public static final long RING_BLOCKS = 0x1000;
    public static final long RING_STRIDE = 0x40;
    public static final long RING_BASE = 0x00;
    public static final long RING_SIZE = 0x08;
    public static final long RING_HEAD = 0x10;
    public static final long RING_TAIL = 0x18;
    public static final long RING_VECTOR = 0x20;
    /** Distance between the ring blocks of consecutive queues. */
    public static final long QUEUE_STRIDE = 0x200;
    /** Queue pairs the register map provides (their blocks end where the interrupt blocks begin). */
    public static final int MAX_QUEUES = 8;

    public static final long IRQ_BLOCKS = 0x2000;
    public static final long IRQ_STRIDE = 0x10;
    public static final long IRQ_USECS = 0x00;
    public static final long IRQ_FRAMES = 0x04;
    /** Number of MSI-X vectors the register map provides. */
    public static final int MAX_VECTORS = 64;

    /** First RSS indirection table entry (4 B each, value = queue). */
    public static final long RSS_TABLE = 0x3000;
    /** Entries of the RSS indirection table. */
    public static final int RSS_TABLE_ENTRIES = 128;
    /** First RSS key word (4 B each, big-endian bytes of the 40-byte key). */
    public static final long RSS_KEY = 0x3400;
    /** Length of the RSS (Toeplitz) hash key. */
    public static final int RSS_KEY_BYTES = 40;

    private Registers() {
    }

    /** Offset of register {@code field} (e.g. {@link #RING_TAIL}) of {@code ring}. */
    public static long ring(RingId ring, long field) {
        return RING_BLOCKS + RING_STRIDE * ring.ordinal() + field;
    }

    /** Offset of register {@code field} of {@code ring} of queue pair {@code queue}; queue 0 equals {@link #ring(RingId, long)}. */
    public static long ring(int queue, RingId ring, long field) {
        if (queue < 0 || queue >= MAX_QUEUES) {
            throw new IllegalArgumentException("queue " + queue + " outside [0, " + MAX_QUEUES + ")");
        }
        return RING_BLOCKS + QUEUE_STRIDE * queue + RING_STRIDE * ring.ordinal() + field;
    }

    /** Offset of RSS indirection table entry {@code index}. */
    public static long rssTable(int index) {
        if (index < 0 || index >= RSS_TABLE_ENTRIES) {
            throw new IllegalArgumentException("RSS table index " + index + " outside [0, " + RSS_TABLE_ENTRIES + ")");
        }
        return RSS_TABLE + 4L * index;
    }

    /** Offset of RSS key word {@code word} (key bytes {@code 4*word .. 4*word+3}). */
    public static long rssKey(int word) {
        if (word < 0 || word >= RSS_KEY_BYTES / 4) {
            throw new IllegalArgumentException("RSS key word " + word + " outside [0, " + RSS_KEY_BYTES / 4 + ")");
        }
        return RSS_KEY + 4L * word;
    }

    /** The queue pair whose ring blocks hold {@code offset}, or -1. */
    public static int queueAt(long offset) {
        if (offset < RING_BLOCKS || offset >= RING_BLOCKS + QUEUE_STRIDE * MAX_QUEUES) {
            return -1;
        }
        return (int) ((offset - RING_BLOCKS) / QUEUE_STRIDE);
    }

    /** The ring (of any queue, see {@link #queueAt}) whose block holds {@code offset}, or null. */
    public static RingId ringInQueueAt(long offset) {
        int queue = queueAt(offset);
        if (queue < 0) {
            return null;
        }
        long index = (offset - RING_BLOCKS - QUEUE_STRIDE * queue) / RING_STRIDE;
        return index < RINGS.length ? RINGS[(int) index] : null;
    }

    /** Offset of moderation register {@code field} of MSI-X {@code vector}. */
    public static long irq(int vector, long field) {
        if (vector < 0 || vector >= MAX_VECTORS) {
            throw new IllegalArgumentException("vector " + vector + " outside [0, " + MAX_VECTORS + ")");
        }
        return IRQ_BLOCKS + IRQ_STRIDE * vector + field;
    }

    /** The ring of queue 0 (the single-queue layout) whose block holds {@code offset}, or null. */
    public static RingId ringAt(long offset) {
        long index = (offset - RING_BLOCKS) / RING_STRIDE;
        if (offset < RING_BLOCKS || index >= RINGS.length) {
            return null;
        }
        return RINGS[(int) index];
    }

    /** The field offset of {@code offset} inside its ring block. */
    public static long ringField(long offset) {
        return (offset - RING_BLOCKS) % RING_STRIDE;
    }

    /**
     * The register at {@code offset} as people name it ({@code CONTROL}, {@code q0.COMMAND.TAIL},
     * {@code irq3.USECS}, {@code RSS_TABLE[5]}), or its hex offset: for traces.
     */
    public static String describe(long offset) {
        if (offset == STATUS) {
            return "STATUS";
        } else if (offset == CONTROL) {
            return "CONTROL";
        } else if (offset == QUEUES) {
            return "QUEUES";
        }
        RingId ring = ringInQueueAt(offset);
        if (ring != null) {
            long field = (offset - RING_BLOCKS) % RING_STRIDE;
            String f = field == RING_BASE ? "BASE" : field == RING_SIZE ? "SIZE" : field == RING_HEAD ? "HEAD"
                    : field == RING_TAIL ? "TAIL" : field == RING_VECTOR ? "VECTOR" : "+0x" + Long.toHexString(field);
            return "q" + queueAt(offset) + "." + ring + "." + f;
        }
        if (offset >= IRQ_BLOCKS && offset < IRQ_BLOCKS + IRQ_STRIDE * MAX_VECTORS) {
            long field = (offset - IRQ_BLOCKS) % IRQ_STRIDE;
            return "irq" + (offset - IRQ_BLOCKS) / IRQ_STRIDE + "." + (field == IRQ_USECS ? "USECS"
                    : field == IRQ_FRAMES ? "FRAMES" : "+0x" + Long.toHexString(field));
        }
        if (offset >= RSS_TABLE && offset < RSS_TABLE + 4L * RSS_TABLE_ENTRIES) {
            return "RSS_TABLE[" + (offset - RSS_TABLE) / 4 + "]";
        }
        if (offset >= RSS_KEY && offset < RSS_KEY + RSS_KEY_BYTES) {
            return "RSS_KEY[" + (offset - RSS_KEY) / 4 + "]";
        }
        return "0x" + Long.toHexString(offset);
    }
}
