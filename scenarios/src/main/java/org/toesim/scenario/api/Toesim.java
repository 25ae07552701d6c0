package org.toesim.scenario.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.toesim.scenario.result.AtomicOutputDirectory;
import org.toesim.scenario.result.ResultJson;
import org.toesim.scenario.result.ResultWriter;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.run.ScenarioExecutors;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioDocument;
import org.toesim.scenario.spec.ScenarioException;

/**
 * ToeSim as a library: load or build a scenario, run it, read the results as records
 * ({@link RunResult}: {@code summary()} with connections, hosts, adapters, links, latencies and
 * bottlenecks; {@code timeSeries()}; {@code latencies()}), optionally with the result directory
 * {@code toesim run --out} writes. The same validation, model and writers as the command line.
 * <pre>
 *   Scenario s = Toesim.load(Path.of("bulk.json"), "hosts[1].nic.model=toe");
 *   RunResult r = Toesim.run(s);
 *   double gbps = r.summary().connections().get(0).goodputBitsPerSec() / 1e9;
 * </pre>
 * Runs are independent (each builds its own simulator), so threads may run several at once.
 */
public final class Toesim {
    private Toesim() {
    }

    /** A scenario file (JSON or YAML) with {@code --set}-style overrides ({@code path=value}). */
    public static Scenario load(Path file, String... overrides) throws ScenarioException {
        return ScenarioDocument.load(file, List.of(overrides));
    }

    /** A scenario from its JSON text. */
    public static Scenario parse(String json) throws ScenarioException {
        return ScenarioDocument.parse(json, "<scenario>", ScenarioDocument.Syntax.JSON).bind();
    }

    /** A scenario built as a Jackson tree (e.g. an {@code ObjectNode} filled in code or a notebook). */
    public static Scenario fromTree(JsonNode scenario) throws ScenarioException {
        try {
            return parse(ResultJson.MAPPER.writeValueAsString(scenario));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the scenario in memory (no files; captures and traces the scenario asks for are not
     * written). Check {@code summary().status().valid()} before using the figures: a run that did
     * not finish returns its partial summary with the status saying so.
     */
    public static RunResult run(Scenario scenario) throws ScenarioException, SimulationException {
        return model().execute(scenario, new RunContext(null, ProgressListener.NONE));
    }

    /**
     * Runs the scenario and writes its result directory into {@code outDir} exactly as
     * {@code toesim run --out outDir} does (summary.json, scalars.csv, time series, latencies,
     * plots, index.html, captures and traces the scenario asks for); all or nothing, and only into
     * a new, empty or earlier ToeSim directory.
     */
    public static RunResult run(Scenario scenario, Path outDir) throws Exception {
        ScenarioExecutor model = model();
        return AtomicOutputDirectory.write(outDir, tmp -> {
            RunResult r = model.execute(scenario, new RunContext(tmp, ProgressListener.NONE));
            ResultWriter.write(r, scenario.outputs(), tmp);
            return r;
        });
    }

    private static ScenarioExecutor model() throws SimulationException {
        return ScenarioExecutors.find().orElseThrow(() -> new SimulationException(ScenarioExecutors.UNAVAILABLE));
    }
}
