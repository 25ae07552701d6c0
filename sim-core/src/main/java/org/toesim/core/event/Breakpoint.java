package org.toesim.core.event;

/**
 * A condition that pauses {@link Simulator#run()} before the matching event executes. The
 * event stays pending; the next {@code run()} or {@code step()} executes it.
 */
@FunctionalInterface
public interface Breakpoint {
    /** True to pause before {@code event} runs at {@code nowPs}. */
    boolean shouldPause(Event event, long nowPs);
}
