package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Receive interrupt moderation (ethtool's rx-usecs / rx-frames): an interrupt is raised when
 * {@code frames} completions are pending or {@code delayPs} after the first, whichever is first.
 * {@code {"delay": "0us", "frames": 1}} means one interrupt per completion.
 *
 * @param delayPs longest hold-off after the first pending completion (default 50us)
 * @param frames  completions that trigger an interrupt at once (default 32)
 */
public record InterruptModerationSpec(long delayPs, int frames) {
    /** 50us or 32 frames. */
    public static final InterruptModerationSpec DEFAULT = new InterruptModerationSpec(50_000_000L, 32);

    public InterruptModerationSpec {
        Checks.between("frames", frames, 1, 65_536);
    }

    @JsonCreator
    static InterruptModerationSpec of(
            @JsonProperty("delay") @JsonDeserialize(using = Quantities.Duration.class) Long delay,
            @JsonProperty("frames") Integer frames) {
        return new InterruptModerationSpec(Checks.or(delay, DEFAULT.delayPs), Checks.or(frames, DEFAULT.frames));
    }
}
