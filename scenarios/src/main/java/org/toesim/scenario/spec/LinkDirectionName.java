package org.toesim.scenario.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Which direction of a link an {@link ImpairmentsSpec} applies to, named after the link's
 * {@code between} list: {@code aToB} carries frames from {@code between[0]} to {@code between[1]}.
 * netem impairs the egress of the interface it sits on, so a testbed that drops "A to B" only
 * is written {@code aToB}.
 */
@JsonDeserialize(using = LinkDirectionName.Deser.class)
public enum LinkDirectionName implements NamedValue {
    /** Both directions, each with its own random streams (the default, and the only behaviour before issue 10). */
    BOTH("both"),
    /** From {@code between[0]} to {@code between[1]} (the link direction {@code <name>.ab}). */
    A_TO_B("aToB"),
    /** From {@code between[1]} to {@code between[0]} (the link direction {@code <name>.ba}). */
    B_TO_A("bToA");

    private final String fileName;

    LinkDirectionName(String fileName) {
        this.fileName = fileName;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    /** Whether this covers the a-to-b direction. */
    public boolean coversAToB() {
        return this != B_TO_A;
    }

    /** Whether this covers the b-to-a direction. */
    public boolean coversBToA() {
        return this != A_TO_B;
    }

    static final class Deser extends NamedValues.Deserializer<LinkDirectionName> {
        private static final long serialVersionUID = 1L;

        Deser() {
            super(LinkDirectionName.class);
        }
    }
}
