package org.toesim.core.trace;

/**
 * One simulation event worth recording. Implemented by records; the record's components are
 * its fields. {@link #event()} names it in traces (default: the record's simple class name).
 *
 * <p>A record that stands for a message between two parts of the system (a PCIe transaction,
 * a frame on a wire, a command) has components {@code from}, {@code to} (lifeline names such as
 * {@code b.driver}, {@code b.card}) and {@code sentPs}; the record's time is its arrival. The
 * sequence chart draws those as arrows and every other record as a mark on its component's
 * lifeline.
 */
public interface TraceRecord {
    /** The event name written to traces. */
    default String event() {
        return getClass().getSimpleName();
    }

    /** The part of the system the record comes from (for {@code --trace=CATEGORIES}). */
    default TraceCategory traceCategory() {
        return TraceCategory.OTHER;
    }

    /**
     * The connection the record is about, or null; records with a component named {@code conn}
     * return it (for {@code --trace-conn}).
     */
    default TraceText conn() {
        return null;
    }
}
