package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import org.toesim.nic.aqm.AqmSpec;
import org.toesim.nic.aqm.QueueMeasure;

/**
 * A full-duplex point-to-point link between two nodes (hosts or switches): the same rate,
 * delay and queue in both directions; impairments per direction.
 *
 * <p>Each end's transmit queue is drop-tail with up to two limits: {@code queue} in bytes and
 * {@code queueFrames} in frames (as pfifo's or netem's {@code limit}); with both, a frame is
 * dropped when either would be exceeded. Only when neither is given does the 1 MiB byte default
 * apply, so {@code "queueFrames": 1000} alone is exactly the Linux references' 1000-frame queue.
 * At a host's end the queue is the link's buffer in front of the line: the NIC hands frames in at
 * its own pace and what does not fit is dropped there (see {@code Network.portConfig}).
 *
 * <p>{@code aqm} adds active queue management to both ends' queues (and so to a switch's output
 * port on this link): step marking, RED or CoDel, ECN-marking ECT frames ({@link AqmFileSpec}).
 *
 * @param name           unique link name (default {@code "<a>-<b>"}), referenced by faults
 * @param between        the two node names it joins
 * @param rateBitsPerSec line rate (default 10Gbps)
 * @param delayPs        one-way propagation delay (default 1us)
 * @param queueBytes     byte limit of the drop-tail transmit queue at each end, 0 for none
 *                       (default 1MiB when {@code queueFrames} is not given either, else none)
 * @param queueFrames    frame limit of that queue, 0 for none (default none)
 * @param impairments    loss, reordering, duplication, corruption per direction (default none): one
 *                       object or a list whose entries cover disjoint directions
 * @param aqm            the queues' active queue management (default drop-tail: none)
 */
public record LinkSpec(String name, List<String> between, long rateBitsPerSec, long delayPs, long queueBytes,
                       long queueFrames, List<ImpairmentsSpec> impairments, AqmSpec aqm) {
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
        Checks.atLeast("queue", queueBytes, 0);
        Checks.atLeast("queueFrames", queueFrames, 0);
        if (queueBytes == 0 && queueFrames == 0) {
            throw new FieldException(queueFrames == 0 ? "queue" : "queueFrames", "no queue limit",
                    "queue (bytes) >= 1 or queueFrames >= 1");
        }
        for (int k = 0; impairments != null && k < impairments.size(); k++) {
            if (impairments.get(k) == null) {
                throw new FieldException("impairments[" + k + "]", "missing", "an object");
            }
        }
        impairments = Checks.list(impairments);
        checkDirections(impairments);
        aqm = aqm == null ? AqmSpec.DROP_TAIL : aqm;
        checkAqmFitsQueue(aqm, queueFrames, queueBytes);
    }

    /** A drop-tail link. */
    public LinkSpec(String name, List<String> between, long rateBitsPerSec, long delayPs, long queueBytes,
                    long queueFrames, List<ImpairmentsSpec> impairments) {
        this(name, between, rateBitsPerSec, delayPs, queueBytes, queueFrames, impairments, AqmSpec.DROP_TAIL);
    }

    /** A link with one set of impairments in both directions and a byte-limited queue. */
    public LinkSpec(String name, List<String> between, long rateBitsPerSec, long delayPs, long queueBytes,
                    ImpairmentsSpec impairments) {
        this(name, between, rateBitsPerSec, delayPs, queueBytes, 0, List.of(impairments));
    }

    /** This link with queue discipline {@code newAqm}. */
    public LinkSpec withAqm(AqmSpec newAqm) {
        return new LinkSpec(name, between, rateBitsPerSec, delayPs, queueBytes, queueFrames, impairments, newAqm);
    }

    /** A threshold the queue limit never lets the queue reach would make the AQM dead: refused. */
    private static void checkAqmFitsQueue(AqmSpec aqm, long limitFrames, long limitBytes) {
        String field;
        long threshold;
        QueueMeasure measure;
        if (aqm instanceof AqmSpec.Step s) {
            field = s.measure() == QueueMeasure.FRAMES ? "aqm.thresholdFrames" : "aqm.threshold";
            threshold = s.threshold();
            measure = s.measure();
        } else if (aqm instanceof AqmSpec.Red r) {
            field = r.measure() == QueueMeasure.FRAMES ? "aqm.minThresholdFrames" : "aqm.minThreshold";
            threshold = r.minThreshold();
            measure = r.measure();
        } else {
            return;
        }
        long limit = measure == QueueMeasure.FRAMES ? limitFrames : limitBytes;
        if (limit > 0 && threshold > limit) {
            String limitField = measure == QueueMeasure.FRAMES ? "queueFrames" : "queue";
            throw new FieldException(field, threshold + " is above the queue limit " + limitField + " = " + limit,
                    "a threshold the queue can reach (<= " + limit + ")");
        }
    }

    /** A perfect 10Gbps, 1us link between {@code a} and {@code b}. */
    public static LinkSpec between(String a, String b) {
        return new LinkSpec(a + "-" + b, List.of(a, b), DEFAULT_RATE_BITS_PER_SEC, DEFAULT_DELAY_PS,
                DEFAULT_QUEUE_BYTES, ImpairmentsSpec.NONE);
    }

    /** The impairments of frames from {@code between[0]} to {@code between[1]}. */
    public ImpairmentsSpec impairmentsAToB() {
        return impairments.stream().filter(i -> i.direction().coversAToB()).findFirst().orElse(ImpairmentsSpec.NONE);
    }

    /** The impairments of frames from {@code between[1]} to {@code between[0]}. */
    public ImpairmentsSpec impairmentsBToA() {
        return impairments.stream().filter(i -> i.direction().coversBToA()).findFirst().orElse(ImpairmentsSpec.NONE);
    }

    private static void checkDirections(List<ImpairmentsSpec> list) {
        if (list.isEmpty()) {
            throw new FieldException("impairments", "is an empty list", "an object, or a list of one per direction");
        }
        int ab = -1;
        int ba = -1;
        for (int k = 0; k < list.size(); k++) {
            LinkDirectionName d = list.get(k).direction();
            int clash = d.coversAToB() && ab >= 0 ? ab : d.coversBToA() && ba >= 0 ? ba : -1;
            if (clash >= 0) {
                String field = list.size() == 1 ? "impairments.direction" : "impairments[" + k + "].direction";
                throw new FieldException(field, "'" + d.fileName() + "' overlaps impairments[" + clash + "] ('"
                        + list.get(clash).direction().fileName() + "')",
                        "each direction in at most one entry: aToB and bToA, or a single both");
            }
            ab = d.coversAToB() ? k : ab;
            ba = d.coversBToA() ? k : ba;
        }
    }

    @JsonCreator
    static LinkSpec of(@JsonProperty("name") String name,
                       @JsonProperty("between") List<String> between,
                       @JsonProperty("rate") @JsonDeserialize(using = Quantities.Rate.class) Long rate,
                       @JsonProperty("delay") @JsonDeserialize(using = Quantities.Duration.class) Long delay,
                       @JsonProperty("queue") @JsonDeserialize(using = Quantities.Size.class) Long queue,
                       @JsonProperty("queueFrames") Long queueFrames,
                       @JsonProperty("impairments") @JsonDeserialize(using = ImpairmentsList.class)
                       List<ImpairmentsSpec> impairments,
                       @JsonProperty("aqm") AqmFileSpec aqm) {
        List<String> ends = Checks.list(between);
        String n = name != null ? name : ends.size() == 2 ? ends.get(0) + "-" + ends.get(1) : null;
        long bytes = queue != null ? queue : queueFrames != null ? 0 : DEFAULT_QUEUE_BYTES;
        return new LinkSpec(n, ends, Checks.or(rate, DEFAULT_RATE_BITS_PER_SEC), Checks.or(delay, DEFAULT_DELAY_PS),
                bytes, Checks.or(queueFrames, 0L), Checks.or(impairments, List.of(ImpairmentsSpec.NONE)),
                aqm == null ? AqmSpec.DROP_TAIL : aqm.aqm());
    }
}
