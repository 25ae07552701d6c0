package org.toesim.scenario.cli;

/** Process exit codes of {@code toesim}. */
public final class ExitCodes {
    /** Success (and, for check, no regression). */
    public static final int OK = 0;
    /** The simulation failed, the model is missing, or check found a regression. */
    public static final int FAILURE = 1;
    /** Bad command line or bad input file. */
    public static final int INPUT = 2;

    private ExitCodes() {
    }
}
