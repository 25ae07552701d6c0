package org.toesim.scenario.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** Which adapter a host has: a plain NIC (host TCP stack) or a TCP offload engine. */
@JsonDeserialize(using = NicModel.Deser.class)
public enum NicModel implements NamedValue {
    /** Plain NIC: the host stack does TCP; checksum/TSO/LRO offloads as configured. */
    PLAIN("plain"),
    /** TCP offload engine: connections can be handed to the card (CCB table). */
    TOE("toe");

    private final String fileName;

    NicModel(String fileName) {
        this.fileName = fileName;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    static final class Deser extends NamedValues.Deserializer<NicModel> {
        private static final long serialVersionUID = 1L;

        Deser() {
            super(NicModel.class);
        }
    }
}
