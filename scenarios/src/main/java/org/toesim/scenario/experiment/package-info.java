/**
 * Experiments that reproduce known models and published results ({@code toesim experiment NAME}).
 *
 * <pre>
 *   scenarios/experiments/NAME/{base.json, sweep.json}   (in the jar as experiments/NAME/...)
 *   ExperimentPlan (sweep.json: panels x series x x-values x replications; --quick: a reduced plan)
 *     --&gt; ExperimentRunner: every run through ModelExecutor (the code `toesim run` uses),
 *         J at a time, rows in plan order whatever J; a run that is not a result fails the experiment
 *     --&gt; Experiment.analyse: figures (mean and 95 % t-interval per point, reference curves),
 *         a table, verdicts (claim, measured, tolerance, holds?)
 *     --&gt; ExperimentOutput: runs.csv, points.csv, one PNG per figure, report.md
 * </pre>
 */
package org.toesim.scenario.experiment;
