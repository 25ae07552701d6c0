package org.toesim.scenario.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Parsing of {@link NamedValue} enums with a clear error and a "did you mean" hint. */
public final class NamedValues {
    private NamedValues() {
    }

    /** The file names of an enum's constants, comma-separated, in declaration order. */
    static String names(Class<?> enumType) {
        return String.join(", ", list(enumType));
    }

    static List<String> list(Class<?> enumType) {
        List<String> out = new ArrayList<>();
        for (Object c : enumType.getEnumConstants()) {
            out.add(c instanceof NamedValue n ? n.fileName() : c.toString());
        }
        return out;
    }

    /** The constant named {@code text}, or null. */
    static <E extends Enum<E> & NamedValue> E lookup(Class<E> type, String text) {
        for (E c : type.getEnumConstants()) {
            if (c.fileName().equals(text)) {
                return c;
            }
        }
        return null;
    }

    /** Deserialiser for one {@link NamedValue} enum; subclass it with the enum type fixed. */
    public abstract static class Deserializer<E extends Enum<E> & NamedValue> extends StdScalarDeserializer<E> {
        private static final long serialVersionUID = 1L;
        private final Class<E> type;

        protected Deserializer(Class<E> type) {
            super(type);
            this.type = type;
        }

        @Override
        public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String expected = "one of " + names(type);
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new SpecInputException(p, "found " + Tokens.describe(p.currentToken()), expected, "");
            }
            String text = p.getText();
            E value = lookup(type, text);
            if (value == null) {
                throw new SpecInputException(p, "unknown value '" + text + "'", expected,
                        Suggest.closest(text, list(type)));
            }
            return value;
        }
    }
}
