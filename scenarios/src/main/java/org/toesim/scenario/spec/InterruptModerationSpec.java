package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.toesim.core.units.Units;

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
        if (delayPs < 0 || delayPs % Units.PS_PER_US != 0) {
            // the driver programs whole microseconds (ethtool rx-usecs); a fraction would be cut
            throw new FieldException("delay", "must be a whole number of microseconds", "e.g. \"50us\" or \"0us\"");
        }
        if (delayPs == 0 && frames > 1) {
            // no hold-off timer: completions below the frame count would wait for the next frame
            // forever, and a run's last frames would never be delivered
            throw new FieldException("delay", "0us holds completions with no timer while fewer than " + frames
                    + " frames are pending", "a delay > 0, or \"frames\": 1 for one interrupt per completion");
        }
    }

    @JsonCreator
    static InterruptModerationSpec of(
            @JsonProperty("delay") @JsonDeserialize(using = Quantities.Duration.class) Long delay,
            @JsonProperty("frames") Integer frames) {
        return new InterruptModerationSpec(Checks.or(delay, DEFAULT.delayPs), Checks.or(frames, DEFAULT.frames));
    }
}
