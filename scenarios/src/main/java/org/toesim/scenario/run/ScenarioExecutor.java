package org.toesim.scenario.run;

import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioException;

/**
 * The seam between the command line and the simulation model: builds the model a
 * {@link Scenario} describes (hosts, NICs, links, workloads, faults) on a fresh simulator,
 * runs it to the stop condition and reports what happened.
 *
 * <pre>
 *   toesim run  --&gt; ScenarioDocument.bind() --&gt; Scenario
 *               --&gt; ScenarioExecutors.find() --&gt; executor.execute(scenario, context)
 *                      model writes pcap/trace files into context.outputDir() if asked
 *               &lt;-- RunResult(summary, timeSeries)
 *               --&gt; ResultWriter: summary.json, timeseries.csv, plots, index.html
 * </pre>
 *
 * Implementations are found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/org.toesim.scenario.run.ScenarioExecutor} entry) so the model
 * plugs in without changing the command line. One executor may be called from several
 * threads at once (sweeps), each call with its own scenario: it must keep no shared mutable
 * state and build one simulator per call. Results must be a pure function of the scenario
 * (including its seed), except {@code wallTimeMs}.
 */
public interface ScenarioExecutor {
    /**
     * Runs one scenario.
     *
     * @throws ScenarioException if the model rejects part of the scenario that the file format
     *                           cannot check (e.g. an unknown cost-table name); reported like
     *                           any input error, exit code 2
     * @throws SimulationException if the simulation itself fails; exit code 1
     */
    RunResult execute(Scenario scenario, RunContext context) throws ScenarioException, SimulationException;
}
