package org.toesim.host.cpu;

import org.toesim.core.trace.TraceCategory;
import org.toesim.core.trace.TraceRecord;

/**
 * Trace record: a work item finished on a core.
 *
 * @param core     core index
 * @param workClass scheduling class
 * @param category  cost category
 * @param cycles    cycles the item cost
 * @param waitPs    time it waited in its queue
 * @param runPs     time it ran on the core
 */
public record CpuWorkDone(int core, WorkClass workClass, CostCategory category, long cycles, long waitPs,
                          long runPs) implements TraceRecord {
    @Override
    public TraceCategory traceCategory() {
        return TraceCategory.CPU;
    }

}
