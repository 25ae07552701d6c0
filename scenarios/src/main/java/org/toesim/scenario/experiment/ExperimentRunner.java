package org.toesim.scenario.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.scenario.model.ModelExecutor;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioDocument;
import org.toesim.scenario.spec.ScenarioException;

/**
 * Runs every point of a plan: for each panel, series, x value and replication, the panel's base
 * scenario with the panel's, the series' and the point's overrides, seed + replication, through
 * {@link ModelExecutor}. Every scenario is bound before anything runs (a bad plan fails at once);
 * rows come back in plan order whatever the number of jobs. A run whose status is not a result
 * (limitReached, stalled, failed) fails the experiment: no figure is drawn from it.
 * Progress is logged at INFO: the number of runs, and each run as it is taken (in plan order).
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

    private ExperimentRunner() {
    }

    /**
     * Binds and runs the plan ({@code quick}: its reduced form) with {@code jobs} runs at a time;
     * {@code progress} hears each finished run's index and the total.
     */
    public static List<Row> run(ExperimentPlan plan, Files files, boolean quick, int jobs,
                                java.util.function.BiConsumer<Integer, Integer> progress)
            throws ScenarioException, SimulationException {
        List<ExperimentPlan.Panel> panels = plan.panels();
        List<Row> todo = new ArrayList<>();
        int reps = quick ? plan.quick().replications() : plan.replications();
        for (ExperimentPlan.Panel p : panels) {
            ScenarioDocument base = files.read(p.base());
            for (ExperimentPlan.Series s : p.series()) {
                for (String x : quick ? p.x().quickValues() : p.x().values()) {
                    List<String> sets = new ArrayList<>(p.set());
                    if (quick) {
                        sets.addAll(p.quickSet());
                    }
                    sets.addAll(s.set());
                    sets.add(p.x().path() + "=" + x);
                    Scenario bound = base.withOverrides(sets).bind();
                    for (int r = 0; r < reps; r++) {
                        todo.add(new Row(p, s, x, r, bound.withSeed(bound.seed() + r), null));
                    }
                }
            }
        }
        LOG.info("experiment {}: {} run(s){}, {} at a time", plan.name(), todo.size(), quick ? " (quick)" : "",
                Math.max(1, jobs));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<SummaryReport>> futures = new ArrayList<>();
            for (Row row : todo) {
                futures.add(pool.submit(() -> new ModelExecutor().execute(row.scenario(),
                        new RunContext(null, ProgressListener.NONE)).summary()));
            }
            List<Row> done = new ArrayList<>();
            for (int i = 0; i < todo.size(); i++) {
                Row row = todo.get(i);
                SummaryReport s;
                try {
                    s = futures.get(i).get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    throw new SimulationException(where(row) + ": " + c.getMessage(), c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SimulationException("interrupted", e);
                }
                if (!s.status().valid()) {
                    throw new SimulationException(where(row) + ": status " + s.status().jsonName()
                            + (s.statusReason() == null ? "" : " (" + s.statusReason() + ")")
                            + ": not a result, so the experiment draws nothing");
                }
                done.add(new Row(row.panel(), row.series(), row.x(), row.replication(), row.scenario(), s));
                if (LOG.isInfoEnabled()) {
                    LOG.info("experiment {}: run {} of {} done: {}: {}", plan.name(), i + 1, todo.size(), where(row),
                            s.status().jsonName());
                }
                progress.accept(i + 1, todo.size());
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String where(Row row) {
        return "panel " + row.panel().name() + ", " + row.series().name() + ", " + row.panel().x().path() + "="
                + row.x() + ", replication " + row.replication();
    }
}
