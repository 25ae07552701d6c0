package org.toesim.scenario.cli;

/** Process exit codes of {@code toesim}. */
public final class ExitCodes {
    /** Success: the run is a result (status completed or durationReached) and, for check, no regression. */
    public static final int OK = 0;
    /**
     * The run is not a result (status limitReached, stalled or failed; summary.json still written),
     * the simulation failed, the model is missing, or check found a regression.
     */
    public static final int FAILURE = 1;
    /** Bad command line or bad input file. */
    public static final int INPUT = 2;

    private ExitCodes() {
    }
}
