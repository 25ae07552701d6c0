package org.toesim.scenario.run;

/** The simulation failed while running (a model invariant broke, a run diverged). Exit code 1. */
public class SimulationException extends Exception {
    private static final long serialVersionUID = 1L;

    public SimulationException(String message) {
        super(message);
    }

    public SimulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
