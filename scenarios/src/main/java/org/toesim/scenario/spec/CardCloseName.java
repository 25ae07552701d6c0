package org.toesim.scenario.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Where the close of an offloaded connection runs ({@code nic.close}, TOE only): on the host after
 * an upload (the card sends every FIN up the slow path and asks for the connection back), or on
 * the card (FIN, FIN-ACK and CLOSE_WAIT/LAST_ACK there; the connection comes back when the card is
 * done with it, with its final state and statistics).
 */
@JsonDeserialize(using = CardCloseName.Deser.class)
public enum CardCloseName implements NamedValue {
    /** The card hands every FIN to the host and the host takes the connection back to close it. */
    UPLOAD("upload"),
    /** The close runs on the card; TIME_WAIT (or CLOSED) hands the connection back to the host. */
    CARD("card"),
    /** The close and TIME_WAIT (2 x MSL, holding the CCB slot) run on the card; CLOSED hands it back. */
    CARD_TIME_WAIT("cardTimeWait");

    private final String fileName;

    CardCloseName(String fileName) {
        this.fileName = fileName;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    static final class Deser extends NamedValues.Deserializer<CardCloseName> {
        private static final long serialVersionUID = 1L;

        Deser() {
            super(CardCloseName.class);
        }
    }
}
