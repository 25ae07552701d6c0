package org.toesim.host.cpu;

/**
 * The action of a work item, run when the item completes on its core (the model's effect
 * happens at completion time). Implement it on a long-lived object (a driver, a connection
 * table) and pass an {@code int} argument (a descriptor index, a connection id) with the item,
 * so submitting work allocates nothing.
 */
@FunctionalInterface
public interface WorkHandler {
    /** A handler that does nothing: the item only charges its cycles. */
    WorkHandler NONE = (core, arg) -> {
    };

    /**
     * Called at the simulated instant the item finishes.
     *
     * @param core the core the item ran on (follow-up work often stays on it)
     * @param arg  the argument given at submission
     */
    void onWorkDone(int core, int arg);
}
