package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.toesim.core.units.Units;
import org.toesim.nic.aqm.AqmSpec;
import org.toesim.nic.aqm.QueueMeasure;

/**
 * A link's {@code aqm} object: the active queue management of the transmit queue at each end
 * (a host's link end and a switch's output port), as scenario files write it. {@code kind}
 * selects the discipline; only that discipline's fields are accepted.
 *
 * <pre>
 *   {"kind": "droptail"}                                                    (the default)
 *   {"kind": "step", "thresholdFrames": 20}          or "threshold": "30KB"  DCTCP's K
 *   {"kind": "red", "minThresholdFrames": 30, "maxThresholdFrames": 90,     or minThreshold /
 *    "weight": 0.002, "maxP": 0.1, "gentle": false, "ecn": true, "avgPacket": "1000B"}  maxThreshold sizes
 *   {"kind": "codel", "target": "5ms", "interval": "100ms", "ecn": true}
 * </pre>
 *
 * @param aqm the discipline the file describes
 */
public record AqmFileSpec(AqmSpec aqm) {
    /** The kinds, as files write them. */
    public static final List<String> KINDS = List.of("droptail", "step", "red", "codel");
    private static final Map<String, List<String>> FIELDS = Map.of(
            "droptail", List.of(),
            "step", List.of("thresholdFrames", "threshold"),
            "red", List.of("minThresholdFrames", "maxThresholdFrames", "minThreshold", "maxThreshold", "weight",
                    "maxP", "gentle", "ecn", "avgPacket"),
            "codel", List.of("target", "interval", "ecn"));
    /** RED's EWMA weight when none is given (Floyd and Jacobson 1993 §11: 0.002). */
    public static final double DEFAULT_RED_WEIGHT = 0.002;
    /** RED's max_p when none is given (Floyd's recommendation, 0.1). */
    public static final double DEFAULT_RED_MAX_P = 0.1;
    /** tc-red's default avpkt. */
    public static final long DEFAULT_AVG_PACKET_BYTES = 1000;
    /** RFC 8289 §4.4. */
    public static final long DEFAULT_TARGET_PS = 5 * Units.PS_PER_MS;
    /** RFC 8289 §4.3. */
    public static final long DEFAULT_INTERVAL_PS = 100 * Units.PS_PER_MS;

    public AqmFileSpec {
        java.util.Objects.requireNonNull(aqm, "aqm");
    }

    @JsonCreator
    static AqmFileSpec of(@JsonProperty("kind") String kind,
                          @JsonProperty("thresholdFrames") Long thresholdFrames,
                          @JsonProperty("threshold") @JsonDeserialize(using = Quantities.Size.class) Long threshold,
                          @JsonProperty("minThresholdFrames") Long minThresholdFrames,
                          @JsonProperty("maxThresholdFrames") Long maxThresholdFrames,
                          @JsonProperty("minThreshold") @JsonDeserialize(using = Quantities.Size.class) Long minThreshold,
                          @JsonProperty("maxThreshold") @JsonDeserialize(using = Quantities.Size.class) Long maxThreshold,
                          @JsonProperty("weight") Double weight,
                          @JsonProperty("maxP") Double maxP,
                          @JsonProperty("gentle") Boolean gentle,
                          @JsonProperty("ecn") Boolean ecn,
                          @JsonProperty("avgPacket") @JsonDeserialize(using = Quantities.Size.class) Long avgPacket,
                          @JsonProperty("target") @JsonDeserialize(using = Quantities.Duration.class) Long target,
                          @JsonProperty("interval") @JsonDeserialize(using = Quantities.Duration.class) Long interval) {
        if (kind == null || !FIELDS.containsKey(kind)) {
            String close = kind == null ? "" : Suggest.closest(kind, KINDS);
            throw new FieldException("kind", kind == null ? "missing" : "unknown kind '" + kind + "'"
                    + (close.isEmpty() ? "" : " (did you mean '" + close + "'?)"), "one of " + String.join(", ", KINDS));
        }
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("thresholdFrames", thresholdFrames);
        given.put("threshold", threshold);
        given.put("minThresholdFrames", minThresholdFrames);
        given.put("maxThresholdFrames", maxThresholdFrames);
        given.put("minThreshold", minThreshold);
        given.put("maxThreshold", maxThreshold);
        given.put("weight", weight);
        given.put("maxP", maxP);
        given.put("gentle", gentle);
        given.put("ecn", ecn);
        given.put("avgPacket", avgPacket);
        given.put("target", target);
        given.put("interval", interval);
        for (Map.Entry<String, Object> e : given.entrySet()) {
            if (e.getValue() != null && !FIELDS.get(kind).contains(e.getKey())) {
                throw new FieldException(e.getKey(), "is not a field of kind '" + kind + "'",
                        FIELDS.get(kind).isEmpty() ? "no other field with kind '" + kind + "'"
                                : "one of " + String.join(", ", FIELDS.get(kind)));
            }
        }
        return new AqmFileSpec(switch (kind) {
            case "step" -> step(thresholdFrames, threshold);
            case "red" -> red(minThresholdFrames, maxThresholdFrames, minThreshold, maxThreshold, weight, maxP,
                    Checks.or(gentle, false), Checks.or(ecn, true), Checks.or(avgPacket, DEFAULT_AVG_PACKET_BYTES));
            case "codel" -> codel(Checks.or(target, DEFAULT_TARGET_PS), Checks.or(interval, DEFAULT_INTERVAL_PS),
                    Checks.or(ecn, true));
            default -> AqmSpec.DROP_TAIL;
        });
    }

    private static AqmSpec step(Long frames, Long bytes) {
        if ((frames == null) == (bytes == null)) {
            throw new FieldException("thresholdFrames", frames == null ? "missing" : "given with threshold",
                    "one of thresholdFrames (an integer >= 1) or threshold (a size such as \"30KB\")");
        }
        if (frames != null) {
            return new AqmSpec.Step(Checks.atLeast("thresholdFrames", frames, 1), QueueMeasure.FRAMES);
        }
        return new AqmSpec.Step(Checks.atLeast("threshold", bytes, 1), QueueMeasure.BYTES);
    }

    private static AqmSpec red(Long minFrames, Long maxFrames, Long minBytes, Long maxBytes, Double weight, Double maxP,
                               boolean gentle, boolean ecn, long avgPacketBytes) {
        boolean inFrames = minFrames != null || maxFrames != null;
        boolean inBytes = minBytes != null || maxBytes != null;
        if (inFrames && inBytes) {
            throw new FieldException(minFrames != null ? "minThresholdFrames" : "maxThresholdFrames",
                    "given with a byte threshold", "thresholds all in frames or all in bytes");
        }
        if (!inFrames && !inBytes) {
            throw new FieldException("minThresholdFrames", "missing",
                    "minThresholdFrames and maxThresholdFrames, or minThreshold and maxThreshold (sizes)");
        }
        String minName = inFrames ? "minThresholdFrames" : "minThreshold";
        String maxName = inFrames ? "maxThresholdFrames" : "maxThreshold";
        Long min = inFrames ? minFrames : minBytes;
        Long max = inFrames ? maxFrames : maxBytes;
        if (min == null || max == null) {
            throw new FieldException(min == null ? minName : maxName, "missing", "both " + minName + " and " + maxName);
        }
        if (min >= max) {
            throw new FieldException(minName, min + " is not below " + maxName + " " + max, minName + " < " + maxName);
        }
        double w = Checks.or(weight, DEFAULT_RED_WEIGHT);
        double p = Checks.or(maxP, DEFAULT_RED_MAX_P);
        if (!(w > 0 && w <= 1)) {
            throw new FieldException("weight", w + " is out of range", "an EWMA weight in (0, 1] such as 0.002");
        }
        if (!(p > 0 && p <= 1)) {
            throw new FieldException("maxP", p + " is out of range", "a probability in (0, 1] such as 0.1");
        }
        Checks.between("avgPacket", avgPacketBytes, 1, 65_535);
        return new AqmSpec.Red(min, max, inFrames ? QueueMeasure.FRAMES : QueueMeasure.BYTES, w, p, gentle, ecn,
                (int) avgPacketBytes);
    }

    private static AqmSpec codel(long targetPs, long intervalPs, boolean ecn) {
        Checks.positive("target", targetPs, "\"5ms\"");
        Checks.positive("interval", intervalPs, "\"100ms\"");
        if (targetPs >= intervalPs) {
            throw new FieldException("target", Units.formatTime(targetPs, 3) + " is not below interval "
                    + Units.formatTime(intervalPs, 3), "a target below the interval (RFC 8289 §4.4: 5-10 % of it)");
        }
        return new AqmSpec.CoDel(targetPs, intervalPs, ecn);
    }
}
