package org.toesim.core.stats;

import java.util.Arrays;

/** Counts observations in equal-width bins over {@code [low, high)}, plus under- and overflow. */
public final class Histogram implements Resettable {
    /** A histogram at report time. */
    public record Report(String name, double low, double binWidth, long[] counts, long underflow, long overflow) {
        public Report {
            counts = counts.clone();
        }

        @Override
        public long[] counts() {
            return counts.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Report r && name.equals(r.name) && low == r.low && binWidth == r.binWidth
                    && Arrays.equals(counts, r.counts) && underflow == r.underflow && overflow == r.overflow;
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(counts);
        }

        @Override
        public String toString() {
            return "Histogram.Report[" + name + ", low=" + low + ", binWidth=" + binWidth + ", counts="
                    + Arrays.toString(counts) + ", underflow=" + underflow + ", overflow=" + overflow + "]";
        }
    }

    private final String name;
    private final double low;
    private final double binWidth;
    private final long[] counts;
    private long underflow;
    private long overflow;

    public Histogram(String name, double low, double high, int bins) {
        if (!(high > low) || bins <= 0) {
            throw new IllegalArgumentException("histogram " + name + " needs high > low and bins > 0");
        }
        this.name = name;
        this.low = low;
        this.binWidth = (high - low) / bins;
        this.counts = new long[bins];
    }

    public void add(double x) {
        if (x < low) {
            underflow++;
            return;
        }
        int bin = (int) ((x - low) / binWidth);
        if (bin >= counts.length) {
            overflow++;
        } else {
            counts[bin]++;
        }
    }

    public long count(int bin) {
        return counts[bin];
    }

    @Override
    public void reset(long nowPs) {
        Arrays.fill(counts, 0);
        underflow = 0;
        overflow = 0;
    }

    public Report report() {
        return new Report(name, low, binWidth, counts, underflow, overflow);
    }
}
