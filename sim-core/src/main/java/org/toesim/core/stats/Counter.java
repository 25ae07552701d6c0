package org.toesim.core.stats;

/** Counts occurrences or sums a quantity (e.g. bytes). */
public final class Counter implements Resettable {
    /** A counter's value at report time. */
    public record Report(String name, long value) {
    }

    private final String name;
    private long value;

    public Counter(String name) {
        this.name = name;
    }

    public void increment() {
        value++;
    }

    public void add(long amount) {
        value += amount;
    }

    public long value() {
        return value;
    }

    public String name() {
        return name;
    }

    @Override
    public void reset(long nowPs) {
        value = 0;
    }

    public Report report() {
        return new Report(name, value);
    }
}
