package org.toesim.scenario.experiment;

import java.util.List;

/**
 * One experiment's analysis: from the plan's finished runs to figures, a table and verdicts.
 * The runs come from {@link ExperimentRunner}; the analysis computes the reference (a model or
 * a published figure) and says how close the simulator came.
 */
public interface Experiment {
    /** The name ({@code toesim experiment NAME}, the directory under {@code scenarios/experiments/}). */
    String name();

    /** The analysis of {@code rows} (all of the plan's runs, in plan order). */
    Findings analyse(ExperimentPlan plan, List<ExperimentRunner.Row> rows);

    /** Every experiment shipped, in the order the docs list them. */
    static List<Experiment> all() {
        return List.of(new RandomLossExperiment(), new HostCpuCostExperiment(), new OffloadLosesExperiment(),
                new PolicyMixExperiment(), new ToeEraExperiment(), new LawsExperiment());
    }
}
