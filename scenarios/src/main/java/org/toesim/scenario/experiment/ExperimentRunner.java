package org.toesim.scenario.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.result.SweepPlan;
import org.toesim.scenario.run.RunPool;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioDocument;
import org.toesim.scenario.spec.ScenarioException;

/**
 * Runs every point of a plan through the engine of {@code toesim sweep}: each panel and series is
 * one sweep ({@link PanelSweep}: the panel's base scenario with the panel's and the series'
 * overrides, the panel's x as its one parameter, the plan's replications with seeds seed + r),
 * and all of them go to one {@link RunPool}. Every scenario is bound before anything runs (a bad
 * plan fails at once); rows come back in plan order whatever the number of jobs. A run whose
 * status is not a result (limitReached, stalled, failed) fails the experiment: no figure is drawn
 * from it. Each sweep's {@link PanelSweep#arguments()} are the {@code toesim sweep} arguments
 * that run the same scenarios with the same seeds (report.md lists them).
 * Progress is logged at INFO: the number of runs, and each run as it finishes.
 */
public final class ExperimentRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);
    /** One finished run. */
    public record Row(ExperimentPlan.Panel panel, ExperimentPlan.Series series, String x, int replication,
                      Scenario scenario, SummaryReport summary) {
    }

    /** Reads a scenario file of the experiment by name. */
    public interface Files {
        ScenarioDocument read(String name) throws ScenarioException;
    }

    /**
     * One panel's series as a sweep: {@code sets} applied to the panel's base file, the x axis as
     * the swept parameter.
     *
     * @param panel  the panel
     * @param series the series
     * @param sets   every override, in the order applied (the panel's, quick ones, the series')
     * @param plan   the sweep: x and its values, the replications
     * @param points the bound scenario of each x value
     */
    public record PanelSweep(ExperimentPlan.Panel panel, ExperimentPlan.Series series, List<String> sets,
                             SweepPlan plan, List<Scenario> points) {
        /**
         * The {@code toesim sweep} arguments that run this sweep from the repository's root
         * ({@code experiment}: the experiment's name; its files are under scenarios/experiments/).
         */
        public List<String> arguments(String experiment) {
            List<String> args = new ArrayList<>(List.of("sweep", "scenarios/experiments/" + experiment + "/" + panel.base()));
            for (String set : sets) {
                args.add("--set");
                args.add(set);
            }
            SweepPlan.Param x = plan.params().get(0);
            args.add("--param");
            args.add(x.path() + "=" + String.join(",", x.values()));
            args.add("--replications");
            args.add(Integer.toString(plan.replications()));
            args.add("--out");
            args.add("toesim-out/experiment-" + experiment + "-sweeps/" + panel.name() + "-" + slug(series.name()));
            return args;
        }

        /** {@link #arguments} as one shell line, each argument quoted where the shell needs it. */
        public String commandLine(String experiment) {
            StringBuilder b = new StringBuilder("./toesim");
            for (String a : arguments(experiment)) {
                b.append(' ').append(a.matches("[A-Za-z0-9_./=,:+@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
            }
            return b.toString();
        }
    }

    private ExperimentRunner() {
    }

    /** Each panel's series as a sweep, bound ({@code quick}: the reduced plan). */
    public static List<PanelSweep> sweeps(ExperimentPlan plan, Files files, boolean quick) throws ScenarioException {
        int reps = quick ? plan.quick().replications() : plan.replications();
        List<PanelSweep> sweeps = new ArrayList<>();
        for (ExperimentPlan.Panel p : plan.panels()) {
            ScenarioDocument base = files.read(p.base());
            for (ExperimentPlan.Series s : p.series()) {
                List<String> sets = new ArrayList<>(p.set());
                if (quick) {
                    sets.addAll(p.quickSet());
                }
                sets.addAll(s.set());
                SweepPlan sp = new SweepPlan(List.of(new SweepPlan.Param(p.x().path(),
                        quick ? p.x().quickValues() : p.x().values())), reps);
                sweeps.add(new PanelSweep(p, s, List.copyOf(sets), sp, sp.bind(base.withOverrides(sets))));
            }
        }
        return sweeps;
    }

    /**
     * Binds and runs the plan ({@code quick}: its reduced form) on {@code model} with {@code jobs}
     * runs at a time; {@code progress} hears the number of finished runs and the total.
     */
    public static List<Row> run(ExperimentPlan plan, Files files, ScenarioExecutor model, boolean quick, int jobs,
                                BiConsumer<Integer, Integer> progress)
            throws ScenarioException, SimulationException, IOException {
        List<Row> todo = new ArrayList<>();
        for (PanelSweep sw : sweeps(plan, files, quick)) {
            SweepPlan.Param x = sw.plan().params().get(0);
            // the sweep's own seeds: its first point's seed + r (common random numbers across x)
            for (SweepPlan.Run run : sw.plan().runs(sw.points().get(0).seed())) {
                todo.add(new Row(sw.panel(), sw.series(), x.values().get(run.point()), run.replication(),
                        sw.points().get(run.point()).withSeed(run.seed()), null));
            }
        }
        LOG.info("experiment {}: {} run(s){}, {} at a time", plan.name(), todo.size(), quick ? " (quick)" : "",
                Math.max(1, jobs));
        SummaryReport[] summaries = new SummaryReport[todo.size()];
        RunPool.run(model, todo.stream().map(Row::scenario).toList(), Math.max(1, jobs), i -> where(todo.get(i)),
                (i, done, result) -> {
                    Row row = todo.get(i);
                    SummaryReport s = result.summary();
                    if (!s.status().valid()) {
                        throw new SimulationException(where(row) + ": status " + s.status().jsonName()
                                + (s.statusReason() == null ? "" : " (" + s.statusReason() + ")")
                                + ": not a result, so the experiment draws nothing");
                    }
                    summaries[i] = s;
                    LOG.info("experiment {}: run {} of {} done: {}: {}", plan.name(), done, todo.size(), where(row),
                            s.status().jsonName());
                    progress.accept(done, todo.size());
                });
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < todo.size(); i++) {
            Row r = todo.get(i);
            rows.add(new Row(r.panel(), r.series(), r.x(), r.replication(), r.scenario(), summaries[i]));
        }
        return rows;
    }

    private static String slug(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String where(Row row) {
        return "panel " + row.panel().name() + ", " + row.series().name() + ", " + row.panel().x().path() + "="
                + row.x() + ", replication " + row.replication();
    }
}
