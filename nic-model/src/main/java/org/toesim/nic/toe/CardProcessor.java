package org.toesim.nic.toe;

import java.util.ArrayDeque;
import java.util.Objects;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.stats.TimeWeighted;
import org.toesim.core.units.Rates;

/**
 * The card's processor cores with a cycle cost model. Each core runs its own FIFO work queue;
 * one work item is one timed event: it occupies the core for {@code cycles / clockHz} and its
 * effect happens when it finishes. Callers pin a connection's work to one core
 * ({@link #coreFor(int)}), so work of one connection completes in submission order.
 *
 * <pre>
 *   submit(core, kind, cycles, subject, arg)
 *     core idle?  start: done event at now + cycles/clock
 *     else        queue (received frames beyond maxQueuedFrames are refused: the card is the bottleneck)
 *   done event -&gt; handler.onWorkDone(kind, subject, arg) -&gt; next item of that core
 * </pre>
 * Work items are pooled: steady-state submission allocates nothing.
 */
public final class CardProcessor {
    /** What a work item is, for costs and utilisation by kind. */
    public enum WorkKind {
        RX_SEGMENT, RX_ACK, RX_SLOW, TX_SEGMENT, COMMAND, DESCRIPTOR, TIMER
    }

    /** Told when a work item is done. */
    public interface Handler {
        void onWorkDone(WorkKind kind, Object subject, long arg);
    }

    private static final class Job {
        WorkKind kind;
        long cycles;
        Object subject;
        long arg;
        /** Counted against the core's received-frame limit (a wire frame, not one already on the card). */
        boolean counted;
    }

    private final class Core {
        final int index;
        final Event done;
        final ArrayDeque<Job> queue = new ArrayDeque<>();
        int queuedFrames;
        long started;
        Job current;
        long busyPs;
        long startPs;

        Core(Simulator sim, int index, String owner) {
            this.index = index;
            this.done = sim.newEvent("toe.core", owner + ".core" + index, Priority.NORMAL, this::finish);
        }

        void finish() {
            Job j = current;
            current = null;
            busyPs += sim.now() - startPs;
            WorkKind kind = j.kind;
            Object subject = j.subject;
            long arg = j.arg;
            j.subject = null;
            pool.addLast(j);
            handler.onWorkDone(kind, subject, arg);
            if (current == null && !queue.isEmpty()) {
                Job next = queue.pollFirst();
                if (next.counted) {
                    queuedFrames--;
                }
                queueDepth.add(sim.now(), -1);
                start(next);
            }
        }

        void start(Job j) {
            current = j;
            started++;
            startPs = sim.now();
            completed[j.kind.ordinal()]++;
            cyclesByKind[j.kind.ordinal()] += j.cycles;
            sim.scheduleIn(done, Rates.cyclesTimePs(j.cycles, clockHz));
        }
    }

    private final Simulator sim;
    private final long clockHz;
    private final int maxQueuedFrames;
    private final Handler handler;
    private final Core[] cores;
    private final ArrayDeque<Job> pool = new ArrayDeque<>();
    private final long[] completed = new long[WorkKind.values().length];
    private final long[] cyclesByKind = new long[WorkKind.values().length];
    private final TimeWeighted queueDepth;
    private long refusedFrames;
    private long sinceResetPs;

    public CardProcessor(Simulator sim, int cores, long clockHz, int maxQueuedFrames, Handler handler, String owner) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.clockHz = clockHz;
        this.maxQueuedFrames = maxQueuedFrames;
        this.cores = new Core[cores];
        for (int i = 0; i < cores; i++) {
            this.cores[i] = new Core(sim, i, owner);
        }
        this.queueDepth = new TimeWeighted(owner + ".workQueue", sim.now(), 0);
        this.sinceResetPs = sim.now();
    }

    /** The core that runs all work keyed by {@code key} (a connection's hash). */
    public int coreFor(int key) {
        return Math.floorMod(key * 0x9E3779B9, cores.length);
    }

    /**
     * Queues a work item on {@code core}. Received frames ({@code RX_*}) are refused (false) when
     * that core already has {@code maxQueuedFrames} frames waiting; other work is never refused.
     */
    public boolean submit(int core, WorkKind kind, long cycles, Object subject, long arg) {
        return submit(core, kind, cycles, subject, arg, isFrame(kind));
    }

    /**
     * Queues received-frame work for a frame already held in card memory (forwarded back by the
     * host, or parked while a gap fills): it is never refused and does not count against the
     * core's received-frame limit, which models the receive FIFO between the MAC and the core.
     */
    public void submitHeld(int core, WorkKind kind, long cycles, Object subject, long arg) {
        submit(core, kind, cycles, subject, arg, false);
    }

    private boolean submit(int core, WorkKind kind, long cycles, Object subject, long arg, boolean limited) {
        Core c = cores[core];
        if (limited && c.queuedFrames >= maxQueuedFrames) {
            refusedFrames++;
            return false;
        }
        Job j = pool.isEmpty() ? new Job() : pool.pollFirst();
        j.kind = kind;
        j.cycles = cycles;
        j.subject = subject;
        j.arg = arg;
        j.counted = limited;
        // idle and nothing waiting: start now. A job submitted from a finishing job's handler sees
        // the core idle while older jobs still wait; starting it would overtake them (a sender's
        // segments left the card out of order, and every later frame went up the receiver's slow
        // path as out of order), so it queues behind them
        if (c.current == null && c.queue.isEmpty()) {
            c.start(j);
        } else {
            c.queue.addLast(j);
            if (limited) {
                c.queuedFrames++;
            }
            queueDepth.add(sim.now(), 1);
        }
        return true;
    }

    private static boolean isFrame(WorkKind kind) {
        return kind == WorkKind.RX_SEGMENT || kind == WorkKind.RX_ACK || kind == WorkKind.RX_SLOW;
    }

    /** Fraction of core time busy since construction (all cores), counting the running items so far. */
    public double utilisation() {
        long elapsed = sim.now() - sinceResetPs;
        if (elapsed <= 0) {
            return 0;
        }
        long busy = 0;
        for (int k = 0; k < cores.length; k++) {
            busy += coreBusyPs(k);
        }
        return (double) busy / ((double) elapsed * cores.length);
    }

    /** Time {@code core} has been busy since construction, the running item counted so far. */
    public long coreBusyPs(int core) {
        Core c = cores[core];
        return c.busyPs + (c.current != null ? sim.now() - c.startPs : 0);
    }

    /** Work items started, by kind. */
    public long completed(WorkKind kind) {
        return completed[kind.ordinal()];
    }

    /** Work items started on {@code core} (all kinds). */
    public long startedOn(int core) {
        return cores[core].started;
    }

    /** Cycles spent, by kind. */
    public long cycles(WorkKind kind) {
        return cyclesByKind[kind.ordinal()];
    }

    /** Received frames refused because a core's queue was full. */
    public long refusedFrames() {
        return refusedFrames;
    }

    /** Work items waiting now, over all cores (not counting the ones running). */
    public double queueDepthNow() {
        return queueDepth.current();
    }

    /** Mean number of waiting work items over time. */
    public double meanQueueDepth() {
        return queueDepth.mean(sim.now());
    }

    /** Number of cores. */
    public int cores() {
        return cores.length;
    }
}
