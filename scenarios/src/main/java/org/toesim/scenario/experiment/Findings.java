package org.toesim.scenario.experiment;

import java.util.List;

/**
 * What an experiment's analysis produced.
 *
 * @param figures  plots (one PNG each)
 * @param table    a markdown table of the measured points beside the reference
 * @param verdicts each claim checked, with the figure that decides it
 */
public record Findings(List<Figure> figures, List<String> table, List<Verdict> verdicts) {
    /** One plot: curves over a shared x axis. */
    public record Figure(String name, String title, String xLabel, String yLabel, boolean logX, boolean logY,
                         List<Curve> curves) {
    }

    /**
     * One curve; each point is {x, mean, lower, upper} (lower = upper = mean for a model curve).
     *
     * @param model true for a reference (drawn as a dashed line, no markers)
     */
    public record Curve(String name, List<double[]> points, boolean model) {
    }

    /**
     * One claim.
     *
     * @param claim     what the literature (or the issue) says
     * @param measured  what the simulator gave, in numbers
     * @param holds     whether it holds within the stated tolerance
     * @param why       when it does not: why the simulator departs (often the interesting result)
     */
    public record Verdict(String claim, String measured, boolean holds, String why) {
    }
}
