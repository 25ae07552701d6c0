package org.toesim.scenario.experiment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.ScenarioDocument;
import org.toesim.scenario.spec.ScenarioException;

/** The shipped experiments' files (in the jar under {@code experiments/NAME/}) and one call that runs one. */
public final class Experiments {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Experiments() {
    }

    /** What a run of an experiment gave. */
    public record Result(int runs, Findings findings) {
    }

    /** The plan of experiment {@code name}. */
    public static ExperimentPlan plan(String name) {
        try {
            return JSON.readValue(resource(name, "sweep.json"), ExperimentPlan.class);
        } catch (IOException e) {
            throw new UncheckedIOException("experiments/" + name + "/sweep.json: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code e}'s plan ({@code quick}: reduced) on {@code model} with {@code jobs} at a time and
     * writes its files to {@code dir}.
     */
    public static Result run(Experiment e, ScenarioExecutor model, boolean quick, int jobs, Path dir,
                             BiConsumer<Integer, Integer> progress)
            throws ScenarioException, SimulationException, IOException {
        ExperimentPlan plan = plan(e.name());
        ExperimentRunner.Files files = file -> {
            String text = new String(resource(e.name(), file), StandardCharsets.UTF_8);
            return ScenarioDocument.parse(text, "experiments/" + e.name() + "/" + file, ScenarioDocument.Syntax.JSON);
        };
        List<ExperimentRunner.Row> rows = ExperimentRunner.run(plan, files, model, quick, jobs, progress);
        Findings f = e.analyse(plan, rows);
        List<String> commands = ExperimentRunner.sweeps(plan, files, quick).stream()
                .map(sw -> sw.commandLine(e.name())).toList();
        ExperimentOutput.write(dir, plan, quick, rows, f, commands);
        return new Result(rows.size(), f);
    }

    private static byte[] resource(String name, String file) {
        String path = "experiments/" + name + "/" + file;
        try (InputStream in = Experiments.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException(path, ex);
        }
    }
}
