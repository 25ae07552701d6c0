package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a link does wrong, in the directions {@code direction} names (each direction draws from
 * its own random streams), to the frames {@code frames} names. All default to off.
 *
 * @param loss           independent drop probability per frame
 * @param gilbertElliott burst loss
 * @param reorder        reordering
 * @param duplicate      probability a frame is delivered twice
 * @param corrupt        probability a frame's payload is damaged (caught by the checksum)
 * @param direction      {@code both} (default), {@code aToB} or {@code bToA}
 * @param frames         {@code all} (default) or {@code data}: only frames with TCP payload
 */
public record ImpairmentsSpec(double loss, GilbertElliottSpec gilbertElliott, ReorderSpec reorder, double duplicate,
                              double corrupt, LinkDirectionName direction, ImpairedFrames frames) {
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
        if (direction == null || frames == null) {
            throw new FieldException(direction == null ? "direction" : "frames", "missing",
                    direction == null ? "one of " + NamedValues.names(LinkDirectionName.class)
                            : "one of " + NamedValues.names(ImpairedFrames.class));
        }
    }

    /** Impairments of every frame in both directions. */
    public ImpairmentsSpec(double loss, GilbertElliottSpec gilbertElliott, ReorderSpec reorder, double duplicate,
                           double corrupt) {
        this(loss, gilbertElliott, reorder, duplicate, corrupt, LinkDirectionName.BOTH, ImpairedFrames.ALL);
    }

    /** These impairments in another direction. */
    public ImpairmentsSpec inDirection(LinkDirectionName d) {
        return new ImpairmentsSpec(loss, gilbertElliott, reorder, duplicate, corrupt, d, frames);
    }

    @JsonCreator
    static ImpairmentsSpec of(@JsonProperty("loss") Double loss,
                              @JsonProperty("gilbertElliott") GilbertElliottSpec gilbertElliott,
                              @JsonProperty("reorder") ReorderSpec reorder,
                              @JsonProperty("duplicate") Double duplicate,
                              @JsonProperty("corrupt") Double corrupt,
                              @JsonProperty("direction") LinkDirectionName direction,
                              @JsonProperty("frames") ImpairedFrames frames) {
        return new ImpairmentsSpec(Checks.or(loss, 0.0), Checks.or(gilbertElliott, GilbertElliottSpec.OFF),
                Checks.or(reorder, ReorderSpec.OFF), Checks.or(duplicate, 0.0), Checks.or(corrupt, 0.0),
                Checks.or(direction, LinkDirectionName.BOTH), Checks.or(frames, ImpairedFrames.ALL));
    }
}
