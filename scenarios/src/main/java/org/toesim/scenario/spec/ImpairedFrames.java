package org.toesim.scenario.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** Which frames an {@link ImpairmentsSpec} touches. */
@JsonDeserialize(using = ImpairedFrames.Deser.class)
public enum ImpairedFrames implements NamedValue {
    /** Every frame, control frames included (the default). */
    ALL("all"),
    /**
     * Only frames carrying TCP payload; SYN, FIN, RST and pure ACK frames pass untouched, as
     * the Linux references' relay (which never drops SYN, FIN or pure ACKs).
     */
    DATA("data");

    private final String fileName;

    ImpairedFrames(String fileName) {
        this.fileName = fileName;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    static final class Deser extends NamedValues.Deserializer<ImpairedFrames> {
        private static final long serialVersionUID = 1L;

        Deser() {
            super(ImpairedFrames.class);
        }
    }
}
