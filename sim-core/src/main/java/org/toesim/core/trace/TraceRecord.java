package org.toesim.core.trace;

/**
 * One simulation event worth recording. Implemented by records; the record's components are
 * its fields. {@link #event()} names it in traces (default: the record's simple class name).
 */
public interface TraceRecord {
    /** The event name written to traces. */
    default String event() {
        return getClass().getSimpleName();
    }
}
