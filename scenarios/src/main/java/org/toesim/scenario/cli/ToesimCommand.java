package org.toesim.scenario.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.toesim.scenario.demo.KernelDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code toesim}: with no subcommand, the built-in default experiment. Until the simulation
 * model is available that is a kernel demo (M/M/1 queues, simulated against analytic mean
 * waiting times).
 */
@Command(name = "toesim", mixinStandardHelpOptions = true, version = "toesim 0.1.0",
        description = {"Discrete-event simulator of hosts with TCP offload engines.",
            "With no command: the built-in default experiment (for now a kernel demo; see its output)."},
        subcommands = {RunCommand.class, ValidateCommand.class, SweepCommand.class, CheckCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:simulation failure, model not available, or regression (check)",
            "2:usage or input error"})
public final class ToesimCommand implements Callable<Integer> {
    final CliEnvironment env;

    @Mixin
    CommonOptions common;

    @Option(names = "--customers", description = "Measured customers per load in the kernel demo (default ${DEFAULT-VALUE}).",
            defaultValue = "400000")
    long customers;

    public ToesimCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (customers < 1000) {
            env.err().println("error: --customers must be >= 1000");
            return ExitCodes.INPUT;
        }
        List<KernelDemo.Row> rows = KernelDemo.runAll(customers, 1);
        if (common.json) {
            env.out().println(Json.write(rows));
            return ExitCodes.OK;
        }
        env.out().println("ToeSim kernel demo: M/M/1 queue, mean service 1us, " + customers
                + " measured customers per load (10% warm-up), seed 1");
        env.out().println("streams mm1.arrivals, mm1.service; analytic Wq = rho / (mu - lambda)");
        env.out().println();
        env.out().println(String.format(Locale.ROOT, "%6s %12s %14s %14s %9s %12s %14s", "load", "customers",
                "sim Wq (us)", "exact Wq (us)", "error", "events", "events/s"));
        for (KernelDemo.Row r : rows) {
            env.out().println(String.format(Locale.ROOT, "%6.2f %12d %14.4f %14.4f %+8.2f%% %12d %14s", r.load(),
                    r.customers(), r.simulatedWaitUs(), r.analyticWaitUs(), r.relativeError() * 100, r.events(),
                    ProgressReporter.si(r.eventsPerSec())));
        }
        env.out().println();
        env.out().println("Note: the default experiment (bulk and request-response over a host-stack host and a TOE");
        env.out().println("host, side by side) comes with the simulation model, which this build does not include yet.");
        env.out().println("Try: toesim validate FILE, toesim --help.");
        return ExitCodes.OK;
    }
}
