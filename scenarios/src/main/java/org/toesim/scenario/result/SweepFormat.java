package org.toesim.scenario.result;

import java.math.BigDecimal;
import java.math.MathContext;
import org.toesim.scenario.figure.Quantity;

/** Numbers of a sweep for people (warnings, index.html): locale-independent and deterministic. */
final class SweepFormat {
    private SweepFormat() {
    }

    /** {@code v} rounded to {@code digits} significant digits, without trailing zeros or exponent. */
    static String sig(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /** A bound or plain number: integral values without a fraction. */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : sig(v, 6);
    }

    /** A confidence level as {@code 95 %}. */
    static String percent(double level) {
        return sig(level * 100, 4) + " %";
    }

    /** A metric's value in the unit its axis would show ({@code 6.4031 Gbit/s}, {@code 41.2 %}, {@code 1234}). */
    static String value(String metric, double v) {
        Quantity.Scale s = Quantity.ofMetric(metric).scaleFor(Math.abs(v));
        if (s.unit().isEmpty() && v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return sig(s.apply(v), 5) + (s.unit().isEmpty() ? "" : " " + s.unit());
    }

    /**
     * {@code mean <sep> half-width unit}, both in the mean's unit, the half-width to 2
     * significant digits; the mean alone when there is no interval (one run).
     */
    static String interval(String metric, ConfidenceInterval ci, String sep) {
        boolean none = Double.isNaN(ci.halfWidth());
        Quantity.Scale s = Quantity.ofMetric(metric).scaleFor(Math.max(Math.abs(ci.mean()), none ? 0 : ci.halfWidth()));
        String unit = s.unit().isEmpty() ? "" : " " + s.unit();
        if (none) {
            return sig(s.apply(ci.mean()), 5) + unit;
        }
        return sig(s.apply(ci.mean()), 5) + sep + sig(s.apply(ci.halfWidth()), 2) + unit;
    }
}
