package org.toesim.nic.irq;

import java.util.Arrays;
import org.toesim.core.event.Simulator;
import org.toesim.nic.device.DeviceBus;
import org.toesim.nic.device.Registers;

/**
 * A device's MSI-X vectors: one {@link InterruptModerator} per vector, created on first use,
 * and the per-vector moderation registers ({@code Registers.IRQ_USECS}, {@code IRQ_FRAMES})
 * the driver writes.
 *
 * <pre>
 *   MmioWrite(IRQ_BLOCKS + v*IRQ_STRIDE + IRQ_USECS | IRQ_FRAMES) --&gt; onRegisterWrite --&gt;
 *       moderator(v).configure(usecs[v], maxFrames[v])
 * </pre>
 */
public final class InterruptVectors {
    private final Simulator sim;
    private final DeviceBus bus;
    private final String owner;
    private final InterruptModerator[] moderators = new InterruptModerator[Registers.MAX_VECTORS];
    private final long[] usecs = new long[Registers.MAX_VECTORS];
    private final int[] maxFrames = new int[Registers.MAX_VECTORS];
    private final InterruptModerator.MsixIds msixIds = new InterruptModerator.MsixIds();

    /** Vectors of {@code owner}, each starting with the given moderation (0, 0: one interrupt per event). */
    public InterruptVectors(Simulator sim, DeviceBus bus, String owner, long defaultUsecs, int defaultMaxFrames) {
        this.sim = sim;
        this.bus = bus;
        this.owner = owner;
        Arrays.fill(usecs, defaultUsecs);
        Arrays.fill(maxFrames, defaultMaxFrames);
    }

    /** The moderator of MSI-X {@code vector} (created on first use with that vector's moderation). */
    public InterruptModerator moderator(int vector) {
        Registers.irq(vector, 0); // range check
        InterruptModerator m = moderators[vector];
        if (m == null) {
            m = new InterruptModerator(sim, bus, vector, msixIds, owner + ".msix" + vector);
            m.configure(usecs[vector], maxFrames[vector]);
            moderators[vector] = m;
        }
        return m;
    }

    /** Interrupts raised on {@code vector} so far (0 if it was never used). */
    public long interrupts(int vector) {
        InterruptModerator m = moderators[vector];
        return m == null ? 0 : m.interrupts();
    }

    /** True when {@code offset} lies in the interrupt register blocks. */
    public static boolean isInterruptRegister(long offset) {
        return offset >= Registers.IRQ_BLOCKS
                && offset < Registers.IRQ_BLOCKS + Registers.IRQ_STRIDE * Registers.MAX_VECTORS;
    }

    /**
     * Applies a write to an interrupt register; returns false if {@code offset} is not a
     * moderation field (check {@link #isInterruptRegister} first).
     */
    public boolean onRegisterWrite(long offset, long value) {
        int vector = (int) ((offset - Registers.IRQ_BLOCKS) / Registers.IRQ_STRIDE);
        long field = (offset - Registers.IRQ_BLOCKS) % Registers.IRQ_STRIDE;
        if (field == Registers.IRQ_USECS) {
            usecs[vector] = value;
        } else if (field == Registers.IRQ_FRAMES) {
            maxFrames[vector] = (int) value;
        } else {
            return false;
        }
        moderator(vector).configure(usecs[vector], maxFrames[vector]);
        return true;
    }
}
