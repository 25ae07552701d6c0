package org.toesim.scenario.spec;

import java.util.List;

/** Range checks used by the spec records' constructors; each failure is a {@link FieldException}. */
final class Checks {
    private Checks() {
    }

    static long atLeast(String field, long value, long min) {
        if (value < min) {
            throw new FieldException(field, value + " is out of range", "an integer >= " + min);
        }
        return value;
    }

    static long between(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new FieldException(field, value + " is out of range", "an integer in [" + min + ", " + max + "]");
        }
        return value;
    }

    static int atLeast(String field, int value, int min) {
        return (int) atLeast(field, (long) value, min);
    }

    static int between(String field, int value, int min, int max) {
        return (int) between(field, (long) value, min, max);
    }

    static long positive(String field, long value, String unitExample) {
        if (value <= 0) {
            throw new FieldException(field, value + " is out of range", "a quantity > 0 such as " + unitExample);
        }
        return value;
    }

    static double probability(String field, double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new FieldException(field, p + " is out of range", "a probability in [0, 1]");
        }
        return p;
    }

    static int powerOfTwo(String field, int value, int min, int max) {
        if (value < min || value > max || Integer.bitCount(value) != 1) {
            throw new FieldException(field, value + " is not allowed", "a power of two in [" + min + ", " + max + "]");
        }
        return value;
    }

    static String name(String field, String value) {
        if (value == null || !value.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
            throw new FieldException(field, (value == null ? "missing" : "'" + value + "' is not a valid name"),
                    "a name of letters, digits, '_', '-' or '.', starting with a letter");
        }
        return value;
    }

    static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }
}
