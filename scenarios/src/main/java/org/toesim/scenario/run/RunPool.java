package org.toesim.scenario.run;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioException;

/**
 * Runs many bound scenarios, {@code threads} at a time, one simulator per run: the one engine
 * behind {@code toesim sweep} and {@code toesim experiment}.
 *
 * <pre>
 *   caller: scenarios s[0..n-1], each bound and seeded
 *   pool of min(threads, n) threads: executor.execute(s[i]) --&gt; RunResult
 *   the calling thread, in completion order: finished.accept(i, result)  (journal, log, progress)
 *   a run throws --&gt; the pool stops, the caller gets the exception (ScenarioException as input
 *     error, anything else as SimulationException naming the run)
 * </pre>
 * Each result is a pure function of its scenario (see {@link ScenarioExecutor}), so what a caller
 * builds from the results, ordered by index, does not depend on {@code threads}.
 */
public final class RunPool {
    /** Told of each finished run, on the calling thread, one at a time. */
    @FunctionalInterface
    public interface Finished {
        /**
         * @param index  the run's position in the list given to {@link #run}
         * @param done   runs finished so far, this one included
         * @param result what the run gave (its status may still say it is not a result)
         */
        void accept(int index, int done, RunResult result) throws IOException, SimulationException;
    }

    private RunPool() {
    }

    /**
     * Runs every scenario with {@code executor}; returns when all have finished or one failed.
     * {@code describe} names run {@code i} in the message of its failure.
     */
    public static void run(ScenarioExecutor executor, List<Scenario> scenarios, int threads,
                           IntFunction<String> describe, Finished finished)
            throws ScenarioException, SimulationException, IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (scenarios.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, scenarios.size()));
        try {
            ExecutorCompletionService<Indexed> completion = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < scenarios.size(); i++) {
                int index = i;
                Scenario s = scenarios.get(i);
                completion.submit(() -> new Indexed(index, runOne(executor, s, describe.apply(index))));
            }
            for (int done = 1; done <= scenarios.size(); done++) {
                Indexed r = take(completion);
                finished.accept(r.index(), done, r.result());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private record Indexed(int index, RunResult result) {
    }

    private static RunResult runOne(ScenarioExecutor executor, Scenario s, String name)
            throws ScenarioException, SimulationException {
        try {
            return execute(executor, s, new RunContext(null, ProgressListener.NONE));
        } catch (SimulationException e) {
            throw new SimulationException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs one scenario: the model's unexpected exception becomes a {@link SimulationException},
     * as does a missing result. Every caller that runs a scenario goes through here.
     */
    public static RunResult execute(ScenarioExecutor executor, Scenario s, RunContext context)
            throws ScenarioException, SimulationException {
        RunResult r;
        try {
            r = executor.execute(s, context);
        } catch (RuntimeException e) {
            throw new SimulationException("simulation failed: " + e, e);
        }
        if (r == null) {
            throw new SimulationException("the model returned no result");
        }
        return r;
    }

    private static Indexed take(ExecutorCompletionService<Indexed> completion)
            throws ScenarioException, SimulationException {
        try {
            Future<Indexed> f = completion.take();
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ScenarioException se) {
                throw se;
            }
            if (c instanceof SimulationException se) {
                throw se;
            }
            throw new SimulationException("simulation failed: " + c, c); // an Error: no run's name to give
        }
    }
}
