package org.toesim.nic.mac;

import org.toesim.core.trace.TraceCategory;
import org.toesim.core.trace.TraceRecord;

/**
 * Trace record: a frame was discarded.
 *
 * @param frameId  the frame's trace id
 * @param reason   why
 * @param lenBytes frame length without FCS
 */
public record FrameDropped(long frameId, DropReason reason, int lenBytes) implements TraceRecord {
    @Override
    public TraceCategory traceCategory() {
        return TraceCategory.NIC;
    }

}
