package org.toesim.scenario.run;

import java.nio.file.Path;
import java.util.Objects;

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
 */
public record RunContext(Path outputDir, ProgressListener progress, boolean checkInvariants) {
    /**
     * System property that turns invariant checking on for every run of the JVM (the build sets it
     * for the tests, so every end-to-end test runs checked).
     */
    public static final String CHECK_PROPERTY = "toesim.checkInvariants";

    public RunContext {
        Objects.requireNonNull(progress, "progress");
    }

    /** A context that checks invariants only when {@value #CHECK_PROPERTY} is {@code true}. */
    public RunContext(Path outputDir, ProgressListener progress) {
        this(outputDir, progress, Boolean.getBoolean(CHECK_PROPERTY));
    }

    /** This context with invariant checking on ({@code on}) or as it was. */
    public RunContext withInvariantChecks(boolean on) {
        return on == checkInvariants ? this : new RunContext(outputDir, progress, on || checkInvariants);
    }
}
