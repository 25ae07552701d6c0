/**
 * The {@code toesim} command line (picocli): {@code run}, {@code validate}, {@code sweep},
 * {@code check} and the default experiment; exit codes 0 (ok), 1 (simulation failure,
 * regression, or no model in this build), 2 (usage or input error); progress on stderr only
 * when it is a terminal; {@code --quiet} and {@code --json} for scripts.
 *
 * <pre>
 *   Main --picocli--&gt; ToesimCommand (env: model supplier, out, err, interactive)
 *          |-- RunCommand      Inputs.load -&gt; Execution.run -&gt; ResultWriter in AtomicOutputDirectory
 *          |-- ValidateCommand Inputs.load
 *          |-- SweepCommand    SweepPlan -&gt; thread pool of runs -&gt; SweepResults
 *          '-- CheckCommand    Execution.run -&gt; BaselineComparison
 * </pre>
 */
package org.toesim.scenario.cli;
