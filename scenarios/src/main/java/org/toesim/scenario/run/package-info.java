/**
 * The seam where the simulation model plugs into the command line:
 * {@link org.toesim.scenario.run.ScenarioExecutor} turns a checked
 * {@link org.toesim.scenario.spec.Scenario} into a
 * {@link org.toesim.scenario.result.RunResult}. This build finds executors with
 * {@link java.util.ServiceLoader}; until the model registers one, {@code toesim run} says so
 * and exits with code 1 rather than print numbers nothing computed.
 */
package org.toesim.scenario.run;
