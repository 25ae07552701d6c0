package org.toesim.scenario.cli;

import java.util.Optional;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.run.RunPool;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.run.ScenarioExecutors;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioException;

/** Calls the model and turns its failures into the command line's two kinds of error. */
final class Execution {
    private Execution() {
    }

    /** The model, or empty after printing why there is none. */
    static Optional<ScenarioExecutor> model(CliEnvironment env, Scenario s) {
        Optional<ScenarioExecutor> ex = env.executor().get();
        if (ex.isEmpty()) {
            env.err().println("error: " + ScenarioExecutors.UNAVAILABLE + ". Scenario '" + s.name()
                    + "' was checked and is valid (toesim validate does only that).");
        }
        return ex;
    }

    /** Runs once; an unexpected exception from the model becomes a {@link SimulationException}. */
    static RunResult run(ScenarioExecutor ex, Scenario s, RunContext ctx) throws ScenarioException, SimulationException {
        return RunPool.execute(ex, s, ctx);
    }
}
