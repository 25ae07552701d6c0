package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * A full-duplex point-to-point link between two nodes (hosts or switches), the same in both
 * directions.
 *
 * @param name           unique link name (default {@code "<a>-<b>"}), referenced by faults
 * @param between        the two node names it joins
 * @param rateBitsPerSec line rate (default 10Gbps)
 * @param delayPs        one-way propagation delay (default 1us)
 * @param queueBytes     drop-tail transmit queue at each end (default 1MiB)
 * @param impairments    loss, reordering, duplication, corruption (default none)
 */
public record LinkSpec(String name, List<String> between, long rateBitsPerSec, long delayPs, long queueBytes,
                       ImpairmentsSpec impairments) {
    /** Default line rate, 10 Gb/s. */
    public static final long DEFAULT_RATE_BITS_PER_SEC = 10_000_000_000L;
    /** Default one-way delay, 1 us. */
    public static final long DEFAULT_DELAY_PS = 1_000_000L;
    /** Default queue, 1 MiB. */
    public static final long DEFAULT_QUEUE_BYTES = 1L << 20;

    public LinkSpec {
        Checks.name("name", name);
        between = Checks.list(between);
        if (between.size() != 2) {
            throw new FieldException("between", "has " + between.size() + " names", "exactly two node names");
        }
        Checks.name("between[0]", between.get(0));
        Checks.name("between[1]", between.get(1));
        if (between.get(0).equals(between.get(1))) {
            throw new FieldException("between", "joins '" + between.get(0) + "' to itself", "two different nodes");
        }
        Checks.positive("rate", rateBitsPerSec, "\"10Gbps\"");
        Checks.atLeast("queue", queueBytes, 1);
        if (impairments == null) {
            throw new FieldException("impairments", "missing", "an object");
        }
    }

    /** A perfect 10Gbps, 1us link between {@code a} and {@code b}. */
    public static LinkSpec between(String a, String b) {
        return new LinkSpec(a + "-" + b, List.of(a, b), DEFAULT_RATE_BITS_PER_SEC, DEFAULT_DELAY_PS,
                DEFAULT_QUEUE_BYTES, ImpairmentsSpec.NONE);
    }

    @JsonCreator
    static LinkSpec of(@JsonProperty("name") String name,
                       @JsonProperty("between") List<String> between,
                       @JsonProperty("rate") @JsonDeserialize(using = Quantities.Rate.class) Long rate,
                       @JsonProperty("delay") @JsonDeserialize(using = Quantities.Duration.class) Long delay,
                       @JsonProperty("queue") @JsonDeserialize(using = Quantities.Size.class) Long queue,
                       @JsonProperty("impairments") ImpairmentsSpec impairments) {
        List<String> ends = Checks.list(between);
        String n = name != null ? name : ends.size() == 2 ? ends.get(0) + "-" + ends.get(1) : null;
        return new LinkSpec(n, ends, Checks.or(rate, DEFAULT_RATE_BITS_PER_SEC), Checks.or(delay, DEFAULT_DELAY_PS),
                Checks.or(queue, DEFAULT_QUEUE_BYTES), Checks.or(impairments, ImpairmentsSpec.NONE));
    }
}
