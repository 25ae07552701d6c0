package org.toesim.core.event;

import java.util.List;

/**
 * Where a run's trajectory leaves an expected one, as far as the expected run's
 * {@link TrajectoryCheckpoints} can tell (found by {@link TrajectoryRecorder}).
 *
 * <pre>
 *   events 1 .. agreeThroughEvent            every checkpoint equal: identical (up to a 2^-16
 *                                            coincidence per checkpoint, see below)
 *   events agreeThroughEvent+1 .. differByEvent   the first difference is among these
 *   differByEvent                            certain: a differing checkpoint (or the end of the
 *                                            shorter run) proves the trajectories differ by then
 * </pre>
 *
 * The upper bound is certain. The lower bound holds unless the 16-bit checkpoint at the end of
 * the block that really holds the first difference coincided with the expected one (probability
 * 2^-16 per checkpoint); the first difference is then in an earlier block.
 *
 * @param agreeThroughEvent the checkpoints agree through this event (0: from the start)
 * @param differByEvent     the trajectories differ at or before this event; one past the
 *                          shorter run's end when they differ only in length
 * @param blockEvents       events per checkpoint block of the expected run
 * @param expectedEvents    events in the expected run
 * @param actualEvents      events in this run
 * @param window            this run's events from {@code agreeThroughEvent + 1} to
 *                          {@code differByEvent} (fewer when this run ended sooner)
 */
public record TrajectoryDivergence(long agreeThroughEvent, long differByEvent, int blockEvents, long expectedEvents,
                                   long actualEvents, List<TrajectoryEvent> window) {
    public TrajectoryDivergence {
        window = List.copyOf(window);
    }

    /** How many events may hold the first difference. */
    public long candidates() {
        return differByEvent - agreeThroughEvent;
    }
}
