package org.toesim.scenario.run;

import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the simulation model, if this build has one. */
public final class ScenarioExecutors {
    /** What the command line says when no model is built in. */
    public static final String UNAVAILABLE =
            "the simulation model is not available in this build: the scenario is valid, but nothing can run it "
            + "yet (no org.toesim.scenario.run.ScenarioExecutor is registered)";

    private ScenarioExecutors() {
    }

    /** The first registered executor, or empty. */
    public static Optional<ScenarioExecutor> find() {
        Iterator<ScenarioExecutor> it = ServiceLoader.load(ScenarioExecutor.class).iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }
}
