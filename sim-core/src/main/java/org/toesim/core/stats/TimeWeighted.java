package org.toesim.core.stats;

/**
 * A quantity that holds a value over time (queue length, busy cores, CCB table occupancy): its
 * time-weighted mean, min and max since the last reset. The integral is kept exactly in
 * value x picoseconds as a double sum of piecewise-constant segments.
 */
public final class TimeWeighted implements Resettable {
    /** A time-weighted statistic at report time. */
    public record Report(String name, double mean, double min, double max, long durationPs, double current) {
    }

    private final String name;
    private long startPs;
    private long lastPs;
    private double value;
    private double area;
    private double min;
    private double max;

    /** Starts at {@code value} at time {@code nowPs}. */
    public TimeWeighted(String name, long nowPs, double value) {
        this.name = name;
        this.startPs = nowPs;
        this.lastPs = nowPs;
        this.value = value;
        this.min = value;
        this.max = value;
    }

    /** The value changes to {@code newValue} at {@code nowPs}. */
    public void update(long nowPs, double newValue) {
        if (nowPs < lastPs) {
            throw new IllegalArgumentException("time went backwards: " + nowPs + " < " + lastPs);
        }
        area += value * (nowPs - lastPs);
        lastPs = nowPs;
        value = newValue;
        if (newValue < min) {
            min = newValue;
        }
        if (newValue > max) {
            max = newValue;
        }
    }

    /** Adds {@code delta} to the current value at {@code nowPs}. */
    public void add(long nowPs, double delta) {
        update(nowPs, value + delta);
    }

    public double current() {
        return value;
    }

    /** Mean over [last reset, nowPs]; the current value if no time has passed. */
    public double mean(long nowPs) {
        long span = nowPs - startPs;
        if (span <= 0) {
            return value;
        }
        return (area + value * (nowPs - lastPs)) / span;
    }

    @Override
    public void reset(long nowPs) {
        startPs = nowPs;
        lastPs = nowPs;
        area = 0;
        min = value;
        max = value;
    }

    public Report report(long nowPs) {
        return new Report(name, mean(nowPs), min, max, nowPs - startPs, value);
    }
}
