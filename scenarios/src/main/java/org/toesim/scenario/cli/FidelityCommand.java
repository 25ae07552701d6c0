package org.toesim.scenario.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.toesim.scenario.fidelity.Check;
import org.toesim.scenario.fidelity.FidelityLimits;
import org.toesim.scenario.fidelity.FidelityPaths;
import org.toesim.scenario.fidelity.FidelityReport;
import org.toesim.scenario.fidelity.LinuxCondition;
import org.toesim.scenario.fidelity.LinuxReferenceSuite;
import org.toesim.scenario.fidelity.MathisSuite;
import org.toesim.scenario.fidelity.PcapCheck;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.spec.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code toesim fidelity}: regenerates the TCP fidelity figures ({@code docs/tcp-fidelity.md}):
 * the three Linux reference conditions over {@code --seeds} seeds judged by pcapcheck beside the
 * reference traces, and NewReno's Mathis constant ({@code rfc} and {@code linux} profiles) with
 * ns-3's S4 point. Writes {@code fidelity.md}, CSVs and plots into {@code --out}; exit 0 when
 * every check of {@link FidelityLimits#DEFAULT} passes, 1 when one fails (figures still
 * written), 2 when the inputs are missing.
 *
 * <pre>
 *   experiments/linux-ref/*.json x seeds --&gt; SeedRun (b-eth0.pcap) --&gt; pcapcheck + PcapFlow
 *   ../shared/ref-linux/NAME.{pcapcheck.json,pcap.gz}              --&gt; same figures
 *   experiments/reno-mathis/newreno-1g-1ms.json x profile x p x seeds --&gt; C
 *   --&gt; Check.of / MathisSuite.checks --&gt; FidelityReport (fidelity.md, *.csv, plot-*.png|svg)
 * </pre>
 */
@Command(name = "fidelity", mixinStandardHelpOptions = true,
        description = "Run ToeSim against the Linux reference traces and the Mathis relation; write tables and plots.")
final class FidelityCommand implements Callable<Integer> {
    @ParentCommand
    ToesimCommand root;

    @Mixin
    CommonOptions common;

    @Mixin
    LogOptions logOptions;

    @Option(names = "--seeds", description = "Seeds per Linux condition (default ${DEFAULT-VALUE}).", defaultValue = "10")
    int seeds;

    @Option(names = "--mathis-seeds", description = "Seeds per Mathis point (default ${DEFAULT-VALUE}; 0 skips them).",
            defaultValue = "3")
    int mathisSeeds;

    @Option(names = "--skip-linux", description = "Only the Mathis / ns-3 points.")
    boolean skipLinux;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default toesim-out/fidelity).")
    Path out;

    @Option(names = "--experiments", paramLabel = "DIR",
            description = "Scenario directory with linux-ref/ and reno-mathis/ (default scenarios/experiments of this checkout).")
    Path experiments;

    @Option(names = "--ref", paramLabel = "DIR", description = "Linux references (default ../shared/ref-linux beside the checkout).")
    Path ref;

    @Option(names = "--label", description = "What was measured, for the page title (e.g. a commit).", defaultValue = "ToeSim")
    String label;

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = root.env;
        Path here = Path.of("").toAbsolutePath();
        Path exp = experiments != null ? experiments : FidelityPaths.experiments(here);
        Path refDir = ref != null ? ref : FidelityPaths.referenceDir(here);
        if (exp == null || !Files.isDirectory(exp.resolve("linux-ref"))) {
            return Inputs.fail(env, ExitCodes.INPUT, "no scenarios/experiments/linux-ref found (run inside the checkout or give --experiments)");
        }
        Optional<ScenarioExecutor> model = env.executor().get();
        if (model.isEmpty()) {
            return Inputs.fail(env, ExitCodes.FAILURE, "the simulation model is not available in this build");
        }
        Path target = out != null ? out : Path.of("toesim-out", "fidelity");
        FidelityLimits limits = FidelityLimits.DEFAULT.withSeeds(seeds);
        List<Check> checks = new ArrayList<>();
        List<LinuxReferenceSuite.ConditionResult> linux = new ArrayList<>();
        try {
            if (!skipLinux) {
                PcapCheck judge = new PcapCheck(refDir == null ? Path.of("pcapcheck") : refDir.resolve("pcapcheck"));
                String missing = judge.missing();
                if (missing != null) {
                    return Inputs.fail(env, ExitCodes.INPUT, "cannot judge captures: " + missing + " (give --ref DIR)");
                }
                List<Long> seedList = LongStream.rangeClosed(1, seeds).boxed().toList();
                for (LinuxCondition c : LinuxCondition.ALL) {
                    progress(env, "linux " + c.name() + " x " + seeds + " seeds");
                    LinuxReferenceSuite.ConditionResult r = LinuxReferenceSuite.run(model.get(), c,
                            exp.resolve("linux-ref"), refDir, judge, seedList, target.resolve("runs"));
                    linux.add(r);
                }
                checks.addAll(Check.all(linux, limits));
            }
            List<MathisSuite.Point> mathis = List.of();
            if (mathisSeeds > 0) {
                progress(env, "mathis: newreno rfc and linux at p = 1e-4, 1e-3, 1e-2 x " + mathisSeeds + " seeds");
                mathis = MathisSuite.run(model.get(), exp.resolve("reno-mathis").resolve("newreno-1g-1ms.json"),
                        List.of("rfc", "linux"), List.of(1e-4, 1e-3, 1e-2),
                        LongStream.rangeClosed(1, mathisSeeds).boxed().toList());
                checks.addAll(MathisSuite.checks(mathis, limits));
            }
            FidelityReport.write(target, label, linux, mathis, checks);
        } catch (ScenarioException e) {
            return Inputs.report(env, common, e);
        }
        long failed = checks.stream().filter(c -> !c.pass()).count();
        if (!common.quiet) {
            for (Check c : checks) {
                env.out().println(c.line());
            }
            env.out().println("figures: " + target.resolve("fidelity.md"));
        }
        if (failed > 0) {
            env.err().println("error: " + failed + " of " + checks.size() + " fidelity checks fail (limits in "
                    + "org.toesim.scenario.fidelity.FidelityLimits)");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private void progress(CliEnvironment env, String what) {
        if (!common.quiet && !common.json) {
            env.err().println("fidelity: " + what);
        }
    }
}
