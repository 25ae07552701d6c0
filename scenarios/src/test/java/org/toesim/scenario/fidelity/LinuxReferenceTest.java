package org.toesim.scenario.fidelity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issue-10 validation suite: each Linux reference condition ({@code ../shared/ref-linux}:
 * CUBIC, 1 Gbit/s and 1 ms each way, 1000-frame queue; 50 MiB clean, 50 MiB with 0.1 % loss
 * A-&gt;B, 1 MiB) over {@link FidelityLimits#seeds()} seeds, run as {@code toesim run --pcap}
 * runs it, ToeSim's receiver-side capture and the reference both judged by pcapcheck; asserts
 * goodput within the references' spread (widened), retransmissions within 30 %, the same
 * negotiated options, time to 1 MiB and to the first loss within 20 % (all limits in
 * {@link FidelityLimits#DEFAULT}).
 *
 * <p><b>Pending:</b> the Linux behaviours are being built on other branches, so this fails
 * today (figures in docs/tcp-fidelity.md) and runs only with {@code -Dtoesim.fidelity=true}.
 * The integrator removes the {@code @EnabledIfSystemProperty} line once the features are
 * merged, which puts the suite in every {@code verify}.
 */
@EnabledIfSystemProperty(named = FidelityInputs.ENABLE, matches = "true",
        disabledReason = "pending issue-10 features: run with -Dtoesim.fidelity=true (integrator: remove this line)")
class LinuxReferenceTest {
    private static final Logger LOG = LoggerFactory.getLogger(LinuxReferenceTest.class);

    static List<LinuxCondition> conditions() {
        return LinuxCondition.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void toesimMatchesLinux(LinuxCondition condition, @TempDir Path work) throws Exception {
        Path exp = FidelityInputs.experiments();
        Path refDir = FidelityInputs.referenceDir();
        PcapCheck judge = FidelityInputs.judge(refDir);
        FidelityLimits limits = FidelityLimits.DEFAULT;
        long t0 = System.nanoTime();
        LinuxReferenceSuite.ConditionResult r = LinuxReferenceSuite.run(FidelityInputs.model(), condition,
                exp.resolve("linux-ref"), refDir, judge,
                LongStream.rangeClosed(1, limits.seeds()).boxed().toList(), work);
        List<Check> checks = Check.of(r, limits);
        LOG.info("{}: {} seeds in {} ms wall\n{}", condition.name(), limits.seeds(),
                (System.nanoTime() - t0) / 1_000_000, checks.stream().map(Check::line).collect(Collectors.joining("\n")));
        List<String> failed = new ArrayList<>();
        for (Check c : checks) {
            if (!c.pass()) {
                failed.add(c.line());
            }
        }
        assertTrue(failed.isEmpty(), condition.name() + ": ToeSim differs from Linux 6.18 beyond FidelityLimits:\n"
                + String.join("\n", failed));
    }
}
