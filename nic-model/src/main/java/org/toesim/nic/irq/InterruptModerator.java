package org.toesim.nic.irq;

import java.util.Objects;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.units.Units;
import org.toesim.nic.device.DeviceBus;
import org.toesim.nic.device.DeviceToHost;

/**
 * Interrupt moderation of one MSI-X vector with ethtool {@code -C} semantics
 * ({@code rx-usecs} / {@code rx-max-frames}). Each completion written for the vector is one
 * event ("frame"). An interrupt fires when
 * <pre>
 *   (usecs &gt; 0 and now - firstPending &gt;= usecs) or (maxFrames &gt; 0 and pending &gt;= maxFrames)
 *   usecs == 0 and maxFrames == 0: one interrupt per event, at once
 * </pre>
 * and clears the pending count. With {@code usecs == 0 and maxFrames > 0} fewer than
 * {@code maxFrames} events wait for the next one, as on hardware without a timer: drivers set
 * both. The interrupt is an {@link DeviceToHost.MsixInterrupt} posted through the link, so it
 * queues behind the completion writes that preceded it (PCIe posted-write ordering).
 *
 * <pre>
 *   event --&gt; pending++ ; first? arm timer(firstPending + usecs)
 *             pending &gt;= maxFrames ? fire : wait
 *   timer --&gt; pending &gt; 0 ? fire
 *   fire  --&gt; MsixInterrupt(vector) ; pending = 0 ; timer cancelled
 * </pre>
 */
public final class InterruptModerator {
    private final Simulator sim;
    private final DeviceBus bus;
    private final int vector;
    private final MsixIds ids;
    private final Event timer;
    private long usecs;
    private int maxFrames;
    private int pending;
    private long firstPendingPs;
    private long interrupts;
    private long events;

    /** Allocates request ids for interrupts of all vectors of one adapter. */
    public static final class MsixIds {
        private long next = 1;

        long next() {
            return next++;
        }
    }

    /** A moderator for {@code vector}, initially one interrupt per event. */
    public InterruptModerator(Simulator sim, DeviceBus bus, int vector, MsixIds ids, String owner) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.vector = vector;
        this.timer = sim.newEvent("irq.moderation", owner, Priority.TIMER, this::onTimer);
    }

    /** Sets the ethtool parameters; applies to events from now on (a pending timer keeps its deadline). */
    public void configure(long usecs, int maxFrames) {
        if (usecs < 0 || maxFrames < 0) {
            throw new IllegalArgumentException("usecs and maxFrames must be >= 0");
        }
        this.usecs = usecs;
        this.maxFrames = maxFrames;
    }

    /** One completion for this vector was written. */
    public void onEvent() {
        events++;
        pending++;
        if (pending == 1) {
            firstPendingPs = sim.now();
        }
        if (usecs == 0 && maxFrames == 0) {
            fire();
            return;
        }
        if (maxFrames > 0 && pending >= maxFrames) {
            fire();
            return;
        }
        if (usecs > 0 && !timer.isPending()) {
            sim.scheduleAt(timer, firstPendingPs + usecs * Units.PS_PER_US);
        }
    }

    private void onTimer() {
        if (pending > 0 && usecs > 0 && sim.now() - firstPendingPs >= usecs * Units.PS_PER_US) {
            fire();
        } else if (pending > 0 && usecs > 0) {
            sim.scheduleAt(timer, firstPendingPs + usecs * Units.PS_PER_US);
        }
    }

    private void fire() {
        pending = 0;
        sim.cancel(timer);
        interrupts++;
        bus.sendToHost(new DeviceToHost.MsixInterrupt(ids.next(), sim.now(), vector));
    }

    /** The vector. */
    public int vector() {
        return vector;
    }

    /** Events not yet signalled. */
    public int pending() {
        return pending;
    }

    /** Interrupts raised so far. */
    public long interrupts() {
        return interrupts;
    }

    /** Events counted so far. */
    public long events() {
        return events;
    }
}
