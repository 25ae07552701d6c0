package org.toesim.host.cpu;

import org.toesim.core.event.Event;
import org.toesim.core.stats.TimeWeighted;

/**
 * State of one core: its per-class queues, the item running on it, its one reusable event and
 * its busy/queue-length statistics. Owned and driven by {@link HostCpu}.
 */
final class Core {
    final int index;
    final WorkQueue[] queues = new WorkQueue[WorkClass.COUNT];
    /** Completion of the running item, or a dispatch at "now" when work arrives at an idle core. */
    Event event;
    final TimeWeighted busy;
    final TimeWeighted queueLength;

    boolean running;
    /** True while a completion action runs: submissions then only enqueue. */
    boolean inCompletion;
    long runCycles;
    int runCategory;
    int runClass;
    WorkHandler runHandler;
    int runArg;
    long runStartPs;
    long runEndPs;
    long runWaitPs;

    int queuedItems;
    /** Busy picoseconds charged (at completion) since the last reset. */
    long busyPs;
    long completions;
    final long[] cyclesByCategory = new long[CostCategory.COUNT];

    Core(int index, String name, long nowPs) {
        this.index = index;
        for (int i = 0; i < queues.length; i++) {
            queues[i] = new WorkQueue(64);
        }
        this.busy = new TimeWeighted(name + ".busy", nowPs, 0);
        this.queueLength = new TimeWeighted(name + ".queueLength", nowPs, 0);
    }

    /** Cycles queued on this core, not counting the running item. */
    long queuedCycles() {
        long sum = 0;
        for (WorkQueue q : queues) {
            sum += q.queuedCycles();
        }
        return sum;
    }

    /** Index of the highest non-empty class, or -1. */
    int highestReadyClass() {
        for (int i = 0; i < queues.length; i++) {
            if (!queues[i].isEmpty()) {
                return i;
            }
        }
        return -1;
    }
}
