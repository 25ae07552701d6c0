package org.toesim.scenario.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code toesim validate FILE}: checks a scenario without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a scenario file without running it.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    ToesimCommand root;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "Scenario file (.json, .yaml or .yml).")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field, e.g. hosts[1].nic.ccbCapacity=8.")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() {
        CliEnvironment env = root.env;
        Scenario s;
        try {
            s = Inputs.load(file, sets, null);
        } catch (ScenarioException e) {
            return Inputs.report(env, common, e);
        }
        if (common.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ok", true);
            m.put("scenario", s.name());
            m.put("hosts", s.hosts().size());
            m.put("links", s.links().size());
            m.put("switches", s.switches().size());
            m.put("workloads", s.workloads().size());
            m.put("faults", s.faults().size());
            env.out().println(Json.write(m));
        } else if (!common.quiet) {
            env.out().println(file + ": valid scenario '" + s.name() + "' (" + s.hosts().size() + " hosts, "
                    + s.links().size() + " links, " + s.switches().size() + " switches, " + s.workloads().size()
                    + " workloads, " + s.faults().size() + " faults)");
        }
        return ExitCodes.OK;
    }
}
