package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A scheduled fault at simulated time {@code atPs}. File form:
 * <pre>
 *   {"type": "linkDown",  "at": "5ms", "link": "a-b"}
 *   {"type": "linkUp",    "at": "6ms", "link": "a-b"}
 *   {"type": "cardReset", "at": "5ms", "host": "b"}          flushes every offloaded connection
 *   {"type": "lossBurst", "at": "5ms", "link": "a-b", "duration": "100us", "loss": 0.5}
 *   {"type": "neighbourChange", "at": "5ms", "host": "a", "mac": "02:00:00:00:00:99"}
 * </pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FaultSpec.LinkDown.class, name = "linkDown"),
    @JsonSubTypes.Type(value = FaultSpec.LinkUp.class, name = "linkUp"),
    @JsonSubTypes.Type(value = FaultSpec.CardReset.class, name = "cardReset"),
    @JsonSubTypes.Type(value = FaultSpec.LossBurst.class, name = "lossBurst"),
    @JsonSubTypes.Type(value = FaultSpec.NeighbourChange.class, name = "neighbourChange")
})
public sealed interface FaultSpec {
    /** When the fault happens. */
    long atPs();

    /** The link goes down: frames in flight and queued are lost until it comes up. */
    record LinkDown(long atPs, String link) implements FaultSpec {
        public LinkDown {
            Checks.name("link", link);
        }

        @JsonCreator
        static LinkDown of(@JsonProperty("at") @JsonDeserialize(using = Quantities.Duration.class) Long at,
                           @JsonProperty("link") String link) {
            return new LinkDown(required(at), link);
        }
    }

    /** The link comes back up. */
    record LinkUp(long atPs, String link) implements FaultSpec {
        public LinkUp {
            Checks.name("link", link);
        }

        @JsonCreator
        static LinkUp of(@JsonProperty("at") @JsonDeserialize(using = Quantities.Duration.class) Long at,
                         @JsonProperty("link") String link) {
            return new LinkUp(required(at), link);
        }
    }

    /** The host's adapter resets: offloaded connections are flushed back to the host stack. */
    record CardReset(long atPs, String host) implements FaultSpec {
        public CardReset {
            Checks.name("host", host);
        }

        @JsonCreator
        static CardReset of(@JsonProperty("at") @JsonDeserialize(using = Quantities.Duration.class) Long at,
                            @JsonProperty("host") String host) {
            return new CardReset(required(at), host);
        }
    }

    /**
     * The neighbour entry every host holds for {@code host} changes to {@code mac}, as after a
     * gratuitous ARP for a replaced NIC (the model has no ARP traffic, and delivery is not steered
     * by MAC): frames to it carry the new destination MAC, and each offload manager tells its card
     * (UpdateNeighbour) or, where the card cannot be told, flushes the connections to that host.
     */
    record NeighbourChange(long atPs, String host, long mac) implements FaultSpec {
        public NeighbourChange {
            Checks.name("host", host);
        }

        @JsonCreator
        static NeighbourChange of(@JsonProperty("at") @JsonDeserialize(using = Quantities.Duration.class) Long at,
                                  @JsonProperty("host") String host, @JsonProperty("mac") String mac) {
            if (mac == null) {
                throw new FieldException("mac", "missing", "a unicast MAC address such as \"02:00:00:00:00:99\"");
            }
            long m;
            try {
                m = org.toesim.nic.frame.MacAddress.check(org.toesim.nic.frame.MacAddress.parse(mac));
            } catch (IllegalArgumentException e) {
                throw new FieldException("mac", "'" + mac + "' is not a MAC address",
                        "six hex bytes separated by colons, such as \"02:00:00:00:00:99\"");
            }
            return new NeighbourChange(required(at), host, m);
        }
    }

    /** For {@code durationPs}, the link drops each frame with probability {@code loss} (default 1). */
    record LossBurst(long atPs, String link, long durationPs, double loss) implements FaultSpec {
        public LossBurst {
            Checks.name("link", link);
            Checks.positive("duration", durationPs, "\"100us\"");
            Checks.probability("loss", loss);
        }

        @JsonCreator
        static LossBurst of(@JsonProperty("at") @JsonDeserialize(using = Quantities.Duration.class) Long at,
                            @JsonProperty("link") String link,
                            @JsonProperty("duration") @JsonDeserialize(using = Quantities.Duration.class) Long duration,
                            @JsonProperty("loss") Double loss) {
            return new LossBurst(required(at), link, Checks.or(duration, 0L), Checks.or(loss, 1.0));
        }
    }

    private static long required(Long at) {
        if (at == null) {
            throw new FieldException("at", "missing", "a duration such as \"5ms\"");
        }
        return at;
    }
}
