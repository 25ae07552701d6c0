package org.toesim.core.event;

/**
 * Observes every event the simulator runs, before and after its action. Used for trajectory
 * digests, progress reporting and the step-through mode. Must not schedule or cancel events.
 */
public interface EventListener {
    /** Called just before {@code event} runs; {@code nowPs} is its instant. */
    default void beforeEvent(Event event, long nowPs) {
    }

    /** Called just after {@code event} ran. */
    default void afterEvent(Event event, long nowPs) {
    }
}
