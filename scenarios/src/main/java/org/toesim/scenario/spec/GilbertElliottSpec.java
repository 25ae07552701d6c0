package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Two-state burst-loss channel (Gilbert-Elliott): per frame, move good-to-bad with
 * {@code pGoodToBad}, bad-to-good with {@code pBadToGood}; drop with {@code lossGood} or
 * {@code lossBad} depending on the state. {@link #OFF} never enters the bad state.
 */
public record GilbertElliottSpec(double pGoodToBad, double pBadToGood, double lossGood, double lossBad) {
    /** Never enters the bad state. */
    public static final GilbertElliottSpec OFF = new GilbertElliottSpec(0, 1, 0, 1);

    public GilbertElliottSpec {
        Checks.probability("pGoodToBad", pGoodToBad);
        Checks.probability("pBadToGood", pBadToGood);
        Checks.probability("lossGood", lossGood);
        Checks.probability("lossBad", lossBad);
    }

    /** True if this channel can ever drop a frame. */
    public boolean enabled() {
        return lossGood > 0 || (pGoodToBad > 0 && lossBad > 0);
    }

    @JsonCreator
    static GilbertElliottSpec of(@JsonProperty("pGoodToBad") Double pGoodToBad,
                                 @JsonProperty("pBadToGood") Double pBadToGood,
                                 @JsonProperty("lossGood") Double lossGood,
                                 @JsonProperty("lossBad") Double lossBad) {
        return new GilbertElliottSpec(Checks.or(pGoodToBad, 0.0), Checks.or(pBadToGood, 0.5),
                Checks.or(lossGood, 0.0), Checks.or(lossBad, 1.0));
    }
}
