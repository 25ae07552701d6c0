/**
 * Results of runs and what is written from them: {@link org.toesim.scenario.result.SummaryReport}
 * (summary.json), {@link org.toesim.scenario.result.TimeSeries} (timeseries.csv and plots),
 * index.html, the all-or-nothing output directory, baselines for {@code toesim check}, and
 * sweep aggregation with Student-t confidence intervals.
 *
 * <pre>
 *   RunResult --ResultWriter--&gt; tmp/{summary.json, timeseries.csv, plot-*.png|svg, index.html}
 *             --AtomicOutputDirectory--&gt; rename tmp -&gt; out (only onto nothing, an empty dir or a
 *               directory with the ResultMarker; tmp removed on SIGINT/SIGTERM, stale ones by TempNames)
 *   SummaryReport --Headline--&gt; {metric: value} --BaselineComparison--&gt; pass | table of FAIL rows
 *     a digest mismatch: the run's TrajectoryDivergence (from the Baseline's checkpoints) --DivergenceText
 *   BaselineComparison --CheckReport--&gt; --json object | JunitReport (JUnit XML, AtomicFile)
 *   SweepPlan --runs--&gt; RunRow* --SweepResults--&gt; runs.csv, summary.csv (mean +- t s/sqrt n; swept
 *             quantities also in base units, SweptParameter)
 *             --SweepWarnings (MetricBounds, OutlierRule)--&gt; warnings.txt, stderr
 *             --SweepFigures, SweepPage--&gt; index.html, sweep-&lt;metric&gt;-vs-&lt;param&gt;.svg|png
 *   SweepDirectory: plan + runs.jsonl journal, so sweep --resume skips finished runs
 * </pre>
 */
package org.toesim.scenario.result;
