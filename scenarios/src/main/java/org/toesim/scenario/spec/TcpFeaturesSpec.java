package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.toesim.tcp.engine.TcpFeatures;

/**
 * Per-behaviour overrides of a TCP profile ({@code tcp.features}); a field left out keeps the
 * profile's setting. See {@link TcpFeatures} for what each one is and which kernel code it follows.
 */
public record TcpFeaturesSpec(Boolean segmentCountingCa, Boolean hystart, Boolean linuxHystart,
                              Boolean linuxCubic, Boolean prr, Boolean rack, Boolean tlp,
                              Boolean limitedTransmit, Boolean dsack, Boolean undo, Boolean frto,
                              Boolean receiveAutotuning, Boolean quickAck, Boolean microsecondRtt,
                              Boolean linuxAckPolicy, Boolean minshallNagle) {
    /** No overrides. */
    public static final TcpFeaturesSpec NONE =
            new TcpFeaturesSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null);

    @JsonCreator
    static TcpFeaturesSpec of(@JsonProperty("segmentCountingCa") Boolean segmentCountingCa,
                              @JsonProperty("hystart") Boolean hystart,
                              @JsonProperty("linuxHystart") Boolean linuxHystart,
                              @JsonProperty("linuxCubic") Boolean linuxCubic,
                              @JsonProperty("prr") Boolean prr,
                              @JsonProperty("rack") Boolean rack,
                              @JsonProperty("tlp") Boolean tlp,
                              @JsonProperty("limitedTransmit") Boolean limitedTransmit,
                              @JsonProperty("dsack") Boolean dsack,
                              @JsonProperty("undo") Boolean undo,
                              @JsonProperty("frto") Boolean frto,
                              @JsonProperty("receiveAutotuning") Boolean receiveAutotuning,
                              @JsonProperty("quickAck") Boolean quickAck,
                              @JsonProperty("microsecondRtt") Boolean microsecondRtt,
                              @JsonProperty("linuxAckPolicy") Boolean linuxAckPolicy,
                              @JsonProperty("minshallNagle") Boolean minshallNagle) {
        return new TcpFeaturesSpec(segmentCountingCa, hystart, linuxHystart, linuxCubic, prr, rack, tlp, limitedTransmit, dsack, undo, frto,
                receiveAutotuning, quickAck, microsecondRtt, linuxAckPolicy, minshallNagle);
    }

    /**
     * {@code base} with these overrides applied. Switching one slow-start exit on switches the
     * other off; both on is an error.
     *
     * @throws IllegalArgumentException when {@code hystart} and {@code linuxHystart} are both true
     */
    public TcpFeatures applyTo(TcpFeatures base) {
        if (Boolean.TRUE.equals(hystart) && Boolean.TRUE.equals(linuxHystart)) {
            throw new IllegalArgumentException("tcp.features: 'hystart' (HyStart++, RFC 9406) and 'linuxHystart'"
                    + " (Linux tcp_cubic HyStart) are two slow-start exits; expected at most one of them true");
        }
        TcpFeatures f = base;
        if (segmentCountingCa != null) f = f.withSegmentCountingCa(segmentCountingCa);
        if (hystart != null) f = f.withHystart(hystart);
        if (linuxHystart != null) f = f.withLinuxHystart(linuxHystart);
        if (linuxCubic != null) f = f.withLinuxCubic(linuxCubic);
        if (prr != null) f = f.withPrr(prr);
        if (rack != null) f = f.withRack(rack);
        if (tlp != null) f = f.withTlp(tlp);
        if (limitedTransmit != null) f = f.withLimitedTransmit(limitedTransmit);
        if (dsack != null) f = f.withDsack(dsack);
        if (undo != null) f = f.withUndo(undo);
        if (frto != null) f = f.withFrto(frto);
        if (receiveAutotuning != null) f = f.withReceiveAutotuning(receiveAutotuning);
        if (quickAck != null) f = f.withQuickAck(quickAck);
        if (microsecondRtt != null) f = f.withMicrosecondRtt(microsecondRtt);
        if (linuxAckPolicy != null) f = f.withLinuxAckPolicy(linuxAckPolicy);
        if (minshallNagle != null) f = f.withMinshallNagle(minshallNagle);
        return f;
    }
}
