package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a link does wrong, in each direction independently. All default to off.
 *
 * @param loss           independent drop probability per frame
 * @param gilbertElliott burst loss
 * @param reorder        reordering
 * @param duplicate      probability a frame is delivered twice
 * @param corrupt        probability a frame's payload is damaged (caught by the checksum)
 */
public record ImpairmentsSpec(double loss, GilbertElliottSpec gilbertElliott, ReorderSpec reorder, double duplicate,
                              double corrupt) {
    /** A perfect link. */
    public static final ImpairmentsSpec NONE =
            new ImpairmentsSpec(0, GilbertElliottSpec.OFF, ReorderSpec.OFF, 0, 0);

    public ImpairmentsSpec {
        Checks.probability("loss", loss);
        Checks.probability("duplicate", duplicate);
        Checks.probability("corrupt", corrupt);
        if (gilbertElliott == null || reorder == null) {
            throw new FieldException(gilbertElliott == null ? "gilbertElliott" : "reorder", "missing", "an object");
        }
    }

    @JsonCreator
    static ImpairmentsSpec of(@JsonProperty("loss") Double loss,
                              @JsonProperty("gilbertElliott") GilbertElliottSpec gilbertElliott,
                              @JsonProperty("reorder") ReorderSpec reorder,
                              @JsonProperty("duplicate") Double duplicate,
                              @JsonProperty("corrupt") Double corrupt) {
        return new ImpairmentsSpec(Checks.or(loss, 0.0), Checks.or(gilbertElliott, GilbertElliottSpec.OFF),
                Checks.or(reorder, ReorderSpec.OFF), Checks.or(duplicate, 0.0), Checks.or(corrupt, 0.0));
    }
}
