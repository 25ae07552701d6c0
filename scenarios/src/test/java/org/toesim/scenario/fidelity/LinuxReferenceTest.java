package org.toesim.scenario.fidelity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issue-10 validation suite: each Linux reference condition ({@code ../shared/ref-linux}:
 * CUBIC, 1 Gbit/s and 1 ms each way, 1000-frame queue; 50 MiB clean, 50 MiB with 0.1 % loss
 * A-&gt;B, 1 MiB) over {@link FidelityLimits#seeds()} seeds, run as {@code toesim run --pcap}
 * runs it, ToeSim's receiver-side capture and the reference both judged by pcapcheck; asserts
 * goodput within the references' spread (widened), retransmissions within 30 %, the same
 * negotiated options, time to 1 MiB and to the first loss within 20 % (all limits in
 * {@link FidelityLimits#DEFAULT}; each check is described on {@link Check#of(LinuxReferenceSuite.ConditionResult,
 * List, FidelityLimits)}). Part of every {@code verify}; without {@code ../shared/ref-linux} or
 * tshark it is skipped, except in CI ({@code CI=true}) where that is a failure.
 */
class LinuxReferenceTest {
    private static final Logger LOG = LoggerFactory.getLogger(LinuxReferenceTest.class);

    @Test
    void toesimMatchesLinux(@TempDir Path work) throws Exception {
        Path exp = FidelityInputs.experiments();
        Path refDir = FidelityInputs.referenceDir();
        PcapCheck judge = FidelityInputs.judge(refDir);
        FidelityLimits limits = FidelityLimits.DEFAULT;
        List<LinuxReferenceSuite.ConditionResult> results = new ArrayList<>();
        for (LinuxCondition condition : LinuxCondition.ALL) {
            long t0 = System.nanoTime();
            results.add(LinuxReferenceSuite.run(FidelityInputs.model(), condition, exp.resolve("linux-ref"), refDir,
                    judge, LongStream.rangeClosed(1, limits.seeds()).boxed().toList(), work));
            LOG.info("{}: {} seeds in {} ms wall", condition.name(), limits.seeds(), (System.nanoTime() - t0) / 1_000_000);
        }
        List<Check> checks = Check.all(results, limits);
        LOG.info("checks:\n{}", checks.stream().map(Check::line).collect(Collectors.joining("\n")));
        List<String> failed = new ArrayList<>();
        for (Check c : checks) {
            if (!c.pass()) {
                failed.add(c.line());
            }
        }
        assertTrue(failed.isEmpty(), "ToeSim differs from Linux 6.18 beyond FidelityLimits:\n" + String.join("\n", failed));
    }
}
