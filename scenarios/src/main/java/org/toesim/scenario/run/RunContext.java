package org.toesim.scenario.run;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a run may use besides its scenario.
 *
 * @param outputDir where the model writes its own files (capture.pcap, trace.jsonl) when the
 *                  scenario's outputs ask for them; a temporary directory that becomes the
 *                  output directory only if the whole run succeeds. Null when the caller keeps
 *                  no files (sweeps, checks): the model then writes none.
 * @param progress  told the simulated time reached, now and then
 */
public record RunContext(Path outputDir, ProgressListener progress) {
    public RunContext {
        Objects.requireNonNull(progress, "progress");
    }
}
