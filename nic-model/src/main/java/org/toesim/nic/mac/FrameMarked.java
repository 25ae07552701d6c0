package org.toesim.nic.mac;

import org.toesim.core.trace.TraceCategory;
import org.toesim.core.trace.TraceRecord;

/**
 * Trace record: a queue's AQM set a frame's ECN field to CE (RFC 3168 §5) instead of dropping it.
 *
 * @param frameId      the frame's trace id
 * @param lenBytes     frame length without FCS
 * @param queuedFrames frames waiting at the decision (the marked frame not counted)
 */
public record FrameMarked(long frameId, int lenBytes, int queuedFrames) implements TraceRecord {
    @Override
    public TraceCategory traceCategory() {
        return TraceCategory.NIC;
    }
}
