package org.toesim.scenario.result;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import org.toesim.core.units.UnitException;
import org.toesim.core.units.Units;
import org.toesim.scenario.figure.Quantity;

/**
 * A swept parameter read as numbers where its values are numbers, for the CSV files and the
 * figures of a sweep.
 *
 * <pre>
 *   every value a plain number ("8", "0.03")         PLAIN: the label column is the number
 *   values with units of one kind ("2us", "20us"),   a quantity: a column &lt;path&gt;&lt;Unit&gt; next to the
 *     plain numbers allowed ("0,10us": base units)     label, in base units, parsed exactly by Units:
 *                                                      Ps (duration), BitsPerSec (rate), Bytes (size),
 *                                                      Hz (frequency): links[0].delay -&gt; links[0].delayPs
 *   anything else ("toe,plain", "reno,cubic")        categorical: no numeric column, plotted at
 *                                                      positions 0, 1, ... labelled with the values
 * </pre>
 *
 * @param path   the {@code --param} path
 * @param values the values as given (the label column)
 * @param unit   the unit of a quantity; null when plain numbers or categorical
 * @param base   each value as a number (base units for a quantity); empty when categorical
 */
public record SweptParameter(String path, List<String> values, Unit unit, List<BigDecimal> base) {
    /** Above this ratio of largest to smallest value (all positive), the axis is logarithmic. */
    public static final double LOG_SPAN = 20;
    private static final Pattern PLAIN_NUMBER =
            Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    /** The units of the numeric column, each with the exact parser of sim-core's {@link Units}. */
    public enum Unit {
        PS("Ps", Quantity.TIME_PS, Units::durationPs),
        BITS_PER_SEC("BitsPerSec", Quantity.RATE_BITS_PER_SEC, Units::rateBitsPerSec),
        BYTES("Bytes", Quantity.BYTES, Units::sizeBytes),
        HZ("Hz", Quantity.FREQUENCY_HZ, Units::frequencyHz);

        private final String suffix;
        private final Quantity quantity;
        private final ToLongFunction<String> parser;

        Unit(String suffix, Quantity quantity, ToLongFunction<String> parser) {
            this.suffix = suffix;
            this.quantity = quantity;
            this.parser = parser;
        }

        /** The column name's suffix, as the project's names carry units. */
        public String suffix() {
            return suffix;
        }

        /** {@code text} in base units, or empty when it is not a value of this unit. */
        Optional<Long> parse(String text) {
            try {
                return Optional.of(parser.applyAsLong(text));
            } catch (UnitException e) {
                return Optional.empty();
            }
        }
    }

    public SweptParameter {
        values = List.copyOf(values);
        base = List.copyOf(base);
        if (!base.isEmpty() && base.size() != values.size()) {
            throw new IllegalArgumentException("parameter '" + path + "': one number per value");
        }
    }

    /** Reads the values of {@code p}. */
    public static SweptParameter of(SweepPlan.Param p) {
        List<BigDecimal> plain = new ArrayList<>();
        for (String v : p.values()) {
            if (PLAIN_NUMBER.matcher(v.strip()).matches()) {
                plain.add(new BigDecimal(v.strip()));
            }
        }
        if (plain.size() == p.values().size()) {
            return new SweptParameter(p.path(), p.values(), null, plain);
        }
        for (Unit u : Unit.values()) {
            List<BigDecimal> parsed = new ArrayList<>();
            for (String v : p.values()) {
                u.parse(v).ifPresent(x -> parsed.add(BigDecimal.valueOf(x)));
            }
            if (parsed.size() == p.values().size()) {
                return new SweptParameter(p.path(), p.values(), u, parsed);
            }
        }
        return new SweptParameter(p.path(), p.values(), null, List.of());
    }

    /** Whether the values are numbers (plain or a quantity). */
    public boolean numeric() {
        return !base.isEmpty();
    }

    /** The name of the column in base units next to the label column, for a quantity. */
    public Optional<String> numericColumn() {
        return unit == null ? Optional.empty() : Optional.of(path + unit.suffix());
    }

    /** The base-unit cell of value {@code i}, exact (a quantity's values are whole base units). */
    public String numericCell(int i) {
        return base.get(i).toPlainString();
    }

    /** What the x axis of this parameter measures. */
    public Quantity quantity() {
        return unit == null ? Quantity.PLAIN : unit.quantity;
    }

    /** Value {@code i} as a double, for the figures (NaN when categorical). */
    public double x(int i) {
        return numeric() ? base.get(i).doubleValue() : Double.NaN;
    }

    /** Numeric, positive and spanning more than {@link #LOG_SPAN}: drawn on a log axis. */
    public boolean logScale() {
        if (!numeric()) {
            return false;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < values.size(); i++) {
            double x = x(i);
            if (!(x > 0)) {
                return false;
            }
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return max / min > LOG_SPAN;
    }

    /** How the page describes the parameter. */
    public String kind() {
        if (unit != null) {
            return "numeric, column " + numericColumn().orElseThrow() + (logScale() ? ", log axis" : "");
        }
        return numeric() ? "numeric" + (logScale() ? ", log axis" : "") : "categorical (in the order given)";
    }
}
