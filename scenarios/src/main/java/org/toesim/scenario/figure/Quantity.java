package org.toesim.scenario.figure;

import java.util.regex.Pattern;

/**
 * What an axis measures, in the base unit its data is given in; the renderer picks the display
 * unit from the largest value on the axis (a 9.4e9 bits/s line is drawn in Gbit/s, 150e6 ps in us).
 */
public enum Quantity {
    /** Picoseconds, shown in ns, us, ms or s. */
    TIME_PS,
    /** Bits per second, shown in bit/s, kbit/s, Mbit/s or Gbit/s. */
    RATE_BITS_PER_SEC,
    /** Bytes, shown in B, KiB, MiB or GiB. */
    BYTES,
    /** A fraction 0..1, shown in %. */
    FRACTION,
    /** Hertz, shown in Hz, kHz, MHz or GHz. */
    FREQUENCY_HZ,
    /** A count or any number already in the unit its label names: shown as given. */
    PLAIN;

    /** A utilisation of one direction: {@code pcieUtilizationToHost}, {@code pcieUtilizationToDevice}. */
    private static final Pattern UTILIZATION_TOWARDS = Pattern.compile(".*UtilizationTo[A-Z][A-Za-z]*");

    /** A display unit: divide the data by {@code divisor} and append {@code unit} to the label. */
    public record Scale(String unit, double divisor) {
        /** The value in this unit. */
        public double apply(double base) {
            return base / divisor;
        }
    }

    /** The display unit for an axis whose largest absolute value is {@code maxAbs}. */
    public Scale scaleFor(double maxAbs) {
        double m = Double.isFinite(maxAbs) ? Math.abs(maxAbs) : 0;
        return switch (this) {
            case TIME_PS -> m >= 1e12 ? new Scale("s", 1e12) : m >= 1e9 ? new Scale("ms", 1e9)
                    : m >= 1e6 ? new Scale("us", 1e6) : new Scale("ns", 1e3);
            case RATE_BITS_PER_SEC -> m >= 1e9 ? new Scale("Gbit/s", 1e9) : m >= 1e6 ? new Scale("Mbit/s", 1e6)
                    : m >= 1e3 ? new Scale("kbit/s", 1e3) : new Scale("bit/s", 1);
            case BYTES -> m >= 1L << 30 ? new Scale("GiB", 1L << 30) : m >= 1L << 20 ? new Scale("MiB", 1L << 20)
                    : m >= 1L << 10 ? new Scale("KiB", 1L << 10) : new Scale("B", 1);
            case FRACTION -> new Scale("%", 0.01);
            case FREQUENCY_HZ -> m >= 1e9 ? new Scale("GHz", 1e9) : m >= 1e6 ? new Scale("MHz", 1e6)
                    : m >= 1e3 ? new Scale("kHz", 1e3) : new Scale("Hz", 1);
            case PLAIN -> new Scale("", 1);
        };
    }

    /**
     * The quantity a metric name carries by the project's naming rule (the unit is the name's
     * suffix): {@code cwndBytes}, {@code throughputBitsPerSec}, {@code cpuUtilization},
     * {@code srttPs}, {@code clockHz}, {@code pcieUtilizationToHost}; anything else is
     * {@link #PLAIN}. A dotted name takes the unit of its last part ({@code hosts.a.cpuUtilization},
     * {@code links[0].delayPs}) or, when that part has none, of its first part
     * ({@code goodputBitsPerSec.total}, an aggregate).
     */
    public static Quantity ofMetric(String metric) {
        String[] parts = metric.split("\\.", -1);
        Quantity last = ofName(parts[parts.length - 1]);
        return last != PLAIN || parts.length == 1 ? last : ofName(parts[0]);
    }

    private static Quantity ofName(String name) {
        if (name.endsWith("BitsPerSec")) {
            return RATE_BITS_PER_SEC;
        }
        if (name.endsWith("Bytes")) {
            return BYTES;
        }
        if (name.endsWith("Utilization") || name.endsWith("Fraction")
                || UTILIZATION_TOWARDS.matcher(name).matches()) {
            return FRACTION;
        }
        if (name.endsWith("Ps")) {
            return TIME_PS;
        }
        if (name.endsWith("Hz")) {
            return FREQUENCY_HZ;
        }
        return PLAIN;
    }
}
