package org.toesim.nic.aqm;

/** What a discipline decides for a frame arriving at its queue. */
public enum Admission {
    /** Queue it as it is. */
    ENQUEUE,
    /** Queue it with its ECN field set to CE (RFC 3168 §5): only returned for ECT or CE frames. */
    MARK,
    /** Drop it early (an AQM drop, distinct from a full queue's overflow). */
    DROP
}
