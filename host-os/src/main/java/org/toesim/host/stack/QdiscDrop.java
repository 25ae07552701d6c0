package org.toesim.host.stack;

import org.toesim.core.trace.TraceCategory;
import org.toesim.core.trace.TraceRecord;

/**
 * Trace record: the interface's transmit queue (qdisc) was full and dropped a frame at its tail.
 *
 * @param frameId  the frame's trace id
 * @param lenBytes frame length without FCS (a TSO frame counts once, whatever its length)
 */
public record QdiscDrop(long frameId, int lenBytes) implements TraceRecord {
    @Override
    public TraceCategory traceCategory() {
        return TraceCategory.NIC;
    }

}
