package org.toesim.core.check;

import java.util.Objects;
import java.util.function.LongSupplier;
import org.toesim.core.trace.TraceCategory;
import org.toesim.core.trace.TraceRecord;
import org.toesim.core.trace.TraceSink;

/**
 * A {@link TraceSink} in front of another that checks the trace's time: records must come in
 * non-decreasing time and never be stamped after the simulator's clock (a record is written
 * by the event that caused it). The simulator is single-threaded and runs events in time
 * order, so every record of a run, whatever its component, is checked against the one before.
 * Always {@link #enabled()}: components build their records even when the sink behind
 * discards them, so the stamps are checked in every checked run.
 */
public final class MonotonicTraceSink implements TraceSink {
    /** Name of the invariant. */
    public static final String NAME = "traceTimeMonotonic";

    private final TraceSink next;
    private final LongSupplier clockPs;
    private final boolean forward;
    private long lastPs = Long.MIN_VALUE;
    private String lastComponent = "";
    private long records;

    /**
     * @param next    where records go (may be {@link TraceSink#NONE})
     * @param clockPs the simulator's current time
     */
    public MonotonicTraceSink(TraceSink next, LongSupplier clockPs) {
        this.next = Objects.requireNonNull(next, "next");
        this.clockPs = Objects.requireNonNull(clockPs, "clockPs");
        this.forward = next.enabled();
    }

    /**
     * PCIe, card, wire, socket and driver records are stamped with the clock when they are built
     * (one per bus transaction or frame): they are built only when the sink behind takes them,
     * since checking them adds nothing and building them in every checked run costs a string per
     * transaction. Every other category is always built, so its stamps are always checked.
     */
    @Override
    public boolean enabled(TraceCategory category) {
        return !category.perTransaction() || forward && next.enabled(category);
    }

    @Override
    public void record(long timePs, String component, TraceRecord record) {
        long nowPs = clockPs.getAsLong();
        if (timePs < lastPs) {
            throw new InvariantViolationException(new InvariantViolation(NAME, component, nowPs,
                    "trace record " + record.event() + " stamped " + timePs + " ps, before the previous record ("
                            + lastComponent + ") at " + lastPs + " ps"));
        }
        if (timePs > nowPs) {
            throw new InvariantViolationException(new InvariantViolation(NAME, component, nowPs,
                    "trace record " + record.event() + " stamped " + timePs + " ps, after the simulator's clock"));
        }
        lastPs = timePs;
        lastComponent = component;
        records++;
        if (forward) {
            next.record(timePs, component, record);
        }
    }

    /** Records checked so far. */
    public long records() {
        return records;
    }

    @Override
    public void close() {
        next.close();
    }
}
