/**
 * The scheduler: a single-threaded simulator over a deterministic event list.
 *
 * <h2>Ordering</h2>
 * Events run in strictly increasing {@code (timePs, priority, sequence)} order. {@code priority}
 * is a small non-negative integer fixed when the {@link org.toesim.core.event.Event} is created
 * (lower runs first at the same instant; see {@link org.toesim.core.event.Priority} for the
 * phases used by the models); {@code sequence} is a per-simulator counter taken each time an
 * event is scheduled, so two events at the same instant and priority run in the order they were
 * scheduled. The order depends on nothing else (no hash codes, no identity).
 *
 * <h2>Reusable events and lazy cancel</h2>
 * An {@link org.toesim.core.event.Event} is created once and rescheduled any number of times;
 * each scheduling takes a fresh sequence number, the queue entry carries it, and the event
 * remembers the one of its live entry; cancel or reschedule leaves the old entry stale, and it
 * is skipped when it surfaces. Steady-state scheduling of a
 * reused event allocates nothing.
 *
 * <h2>The pending-event list</h2>
 * {@link org.toesim.core.event.EventListKind#LADDER} (default): a ladder queue, O(1) amortised
 * per event; {@link org.toesim.core.event.EventListKind#QUATERNARY_HEAP}: a 4-ary heap,
 * O(log n). Both use the same total order, so a run is bit-identical whichever is chosen
 * ({@code new Simulator(EventListKind.QUATERNARY_HEAP, capacity)}).
 *
 * <h2>Trajectory digest and checkpoints</h2>
 * {@link org.toesim.core.event.TrajectoryDigest} folds every executed event's time, kind and
 * owner into 64 bits: equal for identical runs. {@link org.toesim.core.event.TrajectoryRecorder}
 * also samples it every 32 events ({@link org.toesim.core.event.TrajectoryCheckpoints}, stored
 * with a baseline) or, given a baseline's checkpoints, finds the first block of events where a
 * run leaves it ({@link org.toesim.core.event.TrajectoryDivergence}) while it runs.
 *
 * <pre>
 *   Event rto = sim.newEvent("rto", "hostA.tcp", Priority.TIMER, this::onRto);
 *   sim.scheduleIn(rto, rtoPs);      // pending
 *   sim.scheduleIn(rto, laterPs);    // moved: the first entry is now stale
 *   sim.cancel(rto);                 // not pending; nothing will run
 * </pre>
 */
package org.toesim.core.event;
