package org.toesim.scenario.fidelity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioDocument;
import org.toesim.scenario.spec.ScenarioException;

/**
 * One seed of one scenario file, run as {@code toesim run FILE --seed N --set ... --pcap} runs it
 * ({@code Inputs.load}: read, {@code --set} overrides, bind, seed; outputs with pcap; the
 * registered {@link ScenarioExecutor}), without invariant checks (the CLI's default) and
 * without writing the result pages nobody reads here.
 *
 * @param summary      the run's summary
 * @param receiverPcap {@code <receiver>-eth0.pcap} in the run's directory, or null without pcap
 */
public record SeedRun(SummaryReport summary, Path receiverPcap) {

    /**
     * Runs {@code file} at {@code seed} with {@code sets}; with {@code pcapDir} non-null the
     * captures go there and every capture but the receiver's is deleted at once.
     */
    public static SeedRun run(ScenarioExecutor model, Path file, long seed, List<String> sets, Path pcapDir)
            throws ScenarioException, IOException {
        Scenario s = ScenarioDocument.read(file).withOverrides(sets).bind().withSeed(seed);
        s = s.withOutputs(s.outputs().orWith(pcapDir != null, false));
        SummaryReport summary;
        try {
            summary = model.execute(s, new RunContext(pcapDir, ProgressListener.NONE, false)).summary();
        } catch (SimulationException | RuntimeException e) {
            throw new IOException(file.getFileName() + " seed " + seed + ": simulation failed: " + e.getMessage(), e);
        }
        if (pcapDir == null) {
            return new SeedRun(summary, null);
        }
        Path keep = pcapDir.resolve(s.workloads().get(0).to() + "-eth0.pcap");
        try (var files = Files.list(pcapDir)) {
            for (Path p : files.toList()) {
                if (p.getFileName().toString().endsWith(".pcap") && !p.equals(keep)) {
                    Files.delete(p);
                }
            }
        }
        return new SeedRun(summary, keep);
    }
}
