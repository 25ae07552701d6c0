package org.toesim.core.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints quantities. Every parse is exact: {@code "1.5ms"} is 1,500,000,000 ps, and a
 * value that is not a whole number of base units ({@code "0.5ps"}) or does not fit a
 * {@code long} is an error, never silently rounded.
 *
 * <pre>
 *   Units.durationPs("10us")        == 10_000_000
 *   Units.rateBitsPerSec("10Gbps")  == 10_000_000_000
 *   Units.sizeBytes("64KiB")        == 65_536
 *   Units.frequencyHz("2.5GHz")     == 2_500_000_000
 *   Units.durationPs("10 parsecs")  -&gt; UnitException: unknown duration unit 'parsecs' ...
 * </pre>
 */
public final class Units {
    public static final long PS_PER_NS = 1_000L;
    public static final long PS_PER_US = 1_000_000L;
    public static final long PS_PER_MS = 1_000_000_000L;
    public static final long PS_PER_S = 1_000_000_000_000L;

    /** A number (digits, optional fraction and exponent, '_' separators) then an optional unit. */
    private static final Pattern QUANTITY =
            Pattern.compile("\\s*([+-]?[0-9_]*(?:\\.[0-9_]*)?(?:[eE][+-]?[0-9]+)?)\\s*([A-Za-z\u00b5/]*)\\s*");

    private Units() {
    }

    /** Parses a duration such as {@code "10us"}, {@code "1.5 ms"} or {@code "250ps"}. */
    public static long durationPs(String text) {
        return parse(text, Dimension.DURATION);
    }

    /** Parses a bit rate such as {@code "10Gbps"} or {@code "100 Mbit/s"}. */
    public static long rateBitsPerSec(String text) {
        return parse(text, Dimension.RATE);
    }

    /** Parses a byte size such as {@code "64KiB"}, {@code "1500B"} or {@code "1 MB"}. */
    public static long sizeBytes(String text) {
        return parse(text, Dimension.SIZE);
    }

    /** Parses a frequency such as {@code "3GHz"}. */
    public static long frequencyHz(String text) {
        return parse(text, Dimension.FREQUENCY);
    }

    private static long parse(String text, Dimension dim) {
        if (text == null || text.isBlank()) {
            throw new UnitException("empty " + dim.label + ": expected a number and a unit such as "
                    + example(dim));
        }
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            throw new UnitException("'" + text + "' is not a " + dim.label + ": expected a number and a unit such as "
                    + example(dim));
        }
        String number = m.group(1).replace("_", "");
        String unit = m.group(2);
        if (number.isEmpty()) {
            throw new UnitException("'" + text + "' is not a " + dim.label + ": expected a number first, as in "
                    + example(dim));
        }
        BigDecimal value;
        try {
            value = new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw new UnitException("'" + text + "' is not a " + dim.label + ": '" + number + "' is not a number");
        }
        if (value.signum() < 0) {
            throw new UnitException("'" + text + "' is negative: a " + dim.label + " must be >= 0");
        }
        BigDecimal factor = unit.isEmpty() ? BigDecimal.ONE : dim.factor(unit);
        if (factor == null) {
            throw new UnitException("unknown " + dim.label + " unit '" + unit + "' in '" + text
                    + "': expected one of " + String.join(", ", dim.advertised) + closest(unit, dim));
        }
        // a huge exponent ("1e999999999") would make setScale build a billion-digit integer: the
        // magnitude is known from precision - scale, so decide before any digit is expanded
        if (value.signum() == 0) {
            return 0;
        }
        value = value.stripTrailingZeros();
        if (value.precision() - value.scale() > 40) {
            throw new UnitException("'" + text + "' is too large: at most " + Long.MAX_VALUE + " " + dim.baseUnit);
        }
        if (value.scale() > 40) {
            throw new UnitException("'" + text + "' is not a whole number of " + dim.baseUnit
                    + " (the smallest " + dim.label + " step)");
        }
        BigDecimal base = value.multiply(factor);
        try {
            return base.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            if (base.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                throw new UnitException("'" + text + "' is too large: at most " + Long.MAX_VALUE + " " + dim.baseUnit);
            }
            throw new UnitException("'" + text + "' is not a whole number of " + dim.baseUnit
                    + " (the smallest " + dim.label + " step)");
        }
    }

    private static String example(Dimension dim) {
        switch (dim) {
            case DURATION: return "\"10us\"";
            case RATE: return "\"10Gbps\"";
            case SIZE: return "\"64KiB\"";
            default: return "\"3GHz\"";
        }
    }

    private static String closest(String unit, Dimension dim) {
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (String candidate : dim.advertised) {
            int d = editDistance(unit.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDist) {
                bestDist = d;
                best = candidate;
            }
        }
        return best != null && bestDist <= 2 ? " (did you mean '" + best + "'?)" : "";
    }

    /**
     * Edit distance counting an adjacent transposition as one edit (optimal string alignment),
     * for "did you mean" hints: {@code "Gpbs"} is one edit from {@code "Gbps"}.
     */
    public static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * A simulated time or duration for people: the largest unit not above it, three decimals
     * ({@code "115.990 ms"}, {@code "12.345 us"}), whole picoseconds below 1 ns. Rounded: use
     * {@link #formatDuration} where the text must read back exactly (scenario values).
     */
    public static String formatTime(long ps) {
        return formatTime(ps, 3);
    }

    /** Prints a duration with the largest unit that keeps it exact, e.g. {@code "1.5ms"}. */
    public static String formatDuration(long ps) {
        return format(ps, new String[] {"s", "ms", "us", "ns", "ps"},
                new long[] {PS_PER_S, PS_PER_MS, PS_PER_US, PS_PER_NS, 1});
    }

    /**
     * A time as people read it: the largest unit not above it ({@code s}, {@code ms}, {@code us},
     * {@code ns}) with {@code decimals} decimals, whole picoseconds below 1 ns; rounded, so not
     * exact (see {@link #formatDuration} for that). {@code formatTime(1_234_567_000L, 6)} is
     * {@code "1.234567 ms"}, {@code formatTime(12_345_678L, 3)} is {@code "12.346 us"},
     * {@code formatTime(999, 3)} is {@code "999 ps"}.
     */
    public static String formatTime(long ps, int decimals) {
        long abs = Math.abs(ps);
        for (int i = 0; i < TIME_FACTORS.length; i++) {
            if (abs >= TIME_FACTORS[i]) {
                return String.format(java.util.Locale.ROOT, "%." + decimals + "f %s", ps / (double) TIME_FACTORS[i],
                        TIME_NAMES[i]);
            }
        }
        return ps + " ps";
    }

    /**
     * The simulated time a log message starts with: {@code "t=1.234567 ms"} ({@link #formatTime}
     * with 6 decimals). Build it only when the message is logged ({@code if (LOG.isDebugEnabled())}).
     */
    public static String logTime(long ps) {
        return "t=" + formatTime(ps, 6);
    }

    private static final long[] TIME_FACTORS = {PS_PER_S, PS_PER_MS, PS_PER_US, PS_PER_NS};
    private static final String[] TIME_NAMES = {"s", "ms", "us", "ns"};

    /** Prints a rate, e.g. {@code "10Gbps"}. */
    public static String formatRate(long bitsPerSec) {
        return format(bitsPerSec, new String[] {"Tbps", "Gbps", "Mbps", "kbps", "bps"},
                new long[] {1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1});
    }

    /** Prints a size, binary units when exact (e.g. {@code "64KiB"}), else bytes. */
    public static String formatSize(long bytes) {
        return format(bytes, new String[] {"GiB", "MiB", "KiB", "B"},
                new long[] {1L << 30, 1L << 20, 1L << 10, 1});
    }

    private static String format(long value, String[] names, long[] factors) {
        for (int i = 0; i < names.length; i++) {
            if (value != 0 && Math.abs(value) >= factors[i]) {
                BigDecimal v = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(factors[i]));
                if (v.scale() <= 3 || i == names.length - 1) {
                    return v.stripTrailingZeros().toPlainString() + names[i];
                }
            }
        }
        return value + names[names.length - 1];
    }
}
