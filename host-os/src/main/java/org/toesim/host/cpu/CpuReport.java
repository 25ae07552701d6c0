package org.toesim.host.cpu;

import java.util.List;
import org.toesim.core.stats.Tally;

/**
 * A host CPU's statistics since the last reset.
 *
 * @param name        the CPU's name
 * @param clockHz     clock of each core
 * @param durationPs  length of the observation window
 * @param cores       per-core figures, by core index
 * @param categories  per-category figures, in {@link CostCategory} order
 * @param classes     per-class figures, in {@link WorkClass} order
 */
public record CpuReport(String name, long clockHz, long durationPs, List<CoreReport> cores,
                        List<CategoryReport> categories, List<ClassReport> classes) {
    public CpuReport {
        cores = List.copyOf(cores);
        categories = List.copyOf(categories);
        classes = List.copyOf(classes);
    }

    /** Mean utilisation over all cores, 0..1. */
    public double meanUtilisation() {
        return cores.stream().mapToDouble(CoreReport::utilisation).average().orElse(0);
    }

    /** Busy picoseconds over all categories (completed items). */
    public long totalBusyPs() {
        return categories.stream().mapToLong(CategoryReport::busyPs).sum();
    }

    /** Cycles over all categories (completed items). */
    public long totalCycles() {
        return categories.stream().mapToLong(CategoryReport::cycles).sum();
    }

    /**
     * One core.
     *
     * @param core        index
     * @param utilisation time-weighted busy fraction (includes the item running at report time)
     * @param busyPs      busy time of completed items
     * @param completions items completed
     * @param meanQueueLength time-weighted mean number of waiting items
     */
    public record CoreReport(int core, double utilisation, long busyPs, long completions, double meanQueueLength) {
    }

    /**
     * One cost category over all cores.
     *
     * @param category the category
     * @param cycles   cycles of completed items
     * @param busyPs   busy time of completed items
     */
    public record CategoryReport(CostCategory category, long cycles, long busyPs) {
    }

    /**
     * One scheduling class over all cores.
     *
     * @param workClass    the class
     * @param completions  items completed
     * @param queueDelayPs time items waited between submission and start
     */
    public record ClassReport(WorkClass workClass, long completions, Tally.Report queueDelayPs) {
    }
}
