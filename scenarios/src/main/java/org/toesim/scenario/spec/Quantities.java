package org.toesim.scenario.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.function.ToLongFunction;
import org.toesim.core.units.UnitException;
import org.toesim.core.units.Units;

/**
 * Deserialisers for quantities: a string with a unit ({@code "10Gbps"}, {@code "10us"},
 * {@code "64KiB"}, {@code "3GHz"}) parsed by {@link Units}, or a plain non-negative integer in
 * the base unit (bits per second, picoseconds, bytes, hertz).
 */
public final class Quantities {
    private Quantities() {
    }

    /** Shared logic; subclasses fix the dimension. */
    abstract static class QuantityDeserializer extends StdScalarDeserializer<Long> {
        private static final long serialVersionUID = 1L;
        private final transient ToLongFunction<String> parser;
        private final String expected;

        QuantityDeserializer(ToLongFunction<String> parser, String expected) {
            super(Long.class);
            this.parser = parser;
            this.expected = expected;
        }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT) {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new SpecInputException(p, p.getText() + " is too large", expected, "");
                }
                long v = p.getLongValue();
                if (v < 0) {
                    throw new SpecInputException(p, v + " is negative", expected, "");
                }
                return v;
            }
            if (t == JsonToken.VALUE_STRING) {
                String text = p.getText();
                try {
                    return parser.applyAsLong(text);
                } catch (UnitException e) {
                    throw new SpecInputException(p, e.getMessage(), expected, "");
                }
            }
            throw new SpecInputException(p, "found " + Tokens.describe(t), expected, "");
        }
    }

    /** A duration: {@code "10us"} or an integer of picoseconds. */
    public static final class Duration extends QuantityDeserializer {
        private static final long serialVersionUID = 1L;

        public Duration() {
            super(Units::durationPs, "a duration such as \"10us\" or an integer of picoseconds");
        }
    }

    /** A bit rate: {@code "10Gbps"} or an integer of bits per second. */
    public static final class Rate extends QuantityDeserializer {
        private static final long serialVersionUID = 1L;

        public Rate() {
            super(Units::rateBitsPerSec, "a rate such as \"10Gbps\" or an integer of bits per second");
        }
    }

    /** A size: {@code "64KiB"} or an integer of bytes. */
    public static final class Size extends QuantityDeserializer {
        private static final long serialVersionUID = 1L;

        public Size() {
            super(Units::sizeBytes, "a size such as \"64KiB\" or an integer of bytes");
        }
    }

    /** A frequency: {@code "3GHz"} or an integer of hertz. */
    public static final class Frequency extends QuantityDeserializer {
        private static final long serialVersionUID = 1L;

        public Frequency() {
            super(Units::frequencyHz, "a frequency such as \"3GHz\" or an integer of hertz");
        }
    }
}
