package org.toesim.scenario.run;

import java.nio.file.Path;
import java.util.Objects;
import org.toesim.core.event.EventListener;

/**
 * What a run may use besides its scenario.
 *
 * @param outputDir       where the model writes its own files (capture.pcap, trace.jsonl) when the
 *                        scenario's outputs ask for them; a temporary directory that becomes the
 *                        output directory only if the whole run succeeds. Null when the caller keeps
 *                        no files (sweeps, checks): the model then writes none.
 * @param progress        told the simulated time reached, now and then
 * @param checkInvariants check the model's invariants after every event ({@code --check-invariants});
 *                        a violation fails the run
 * @param trajectory      record the trajectory's checkpoints or compare them with a baseline's
 *                        ({@code toesim check}); null: the digest only
 * @param observer        told of every event after the digest (tests that keep a run's whole event
 *                        log); must not schedule or cancel events; null: none
 */
public record RunContext(Path outputDir, ProgressListener progress, boolean checkInvariants,
                         TrajectoryRequest trajectory, EventListener observer) {
    /**
     * System property that turns invariant checking on for every run of the JVM (the build sets it
     * for the tests, so every end-to-end test runs checked).
     */
    public static final String CHECK_PROPERTY = "toesim.checkInvariants";

    public RunContext {
        Objects.requireNonNull(progress, "progress");
    }

    /** A context with neither checkpoints nor an observer. */
    public RunContext(Path outputDir, ProgressListener progress, boolean checkInvariants) {
        this(outputDir, progress, checkInvariants, null, null);
    }

    /** A context that checks invariants only when {@value #CHECK_PROPERTY} is {@code true}. */
    public RunContext(Path outputDir, ProgressListener progress) {
        this(outputDir, progress, Boolean.getBoolean(CHECK_PROPERTY));
    }

    /** This context with invariant checking on ({@code on}) or as it was. */
    public RunContext withInvariantChecks(boolean on) {
        return on == checkInvariants ? this
                : new RunContext(outputDir, progress, on || checkInvariants, trajectory, observer);
    }

    /** This context with {@code request} for the trajectory (null: the digest only). */
    public RunContext withTrajectory(TrajectoryRequest request) {
        return new RunContext(outputDir, progress, checkInvariants, request, observer);
    }

    /** This context with {@code listener} told of every event. */
    public RunContext withObserver(EventListener listener) {
        return new RunContext(outputDir, progress, checkInvariants, trajectory, listener);
    }
}
