package org.toesim.core.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A single-threaded discrete-event simulator with picosecond time.
 *
 * <pre>
 *   run():  loop { head = earliest (timePs, priority, seq)
 *                  stale?      -&gt; drop, continue
 *                  breakpoint? -&gt; return BREAKPOINT (head stays pending)
 *                  now = head.time; listener.before; head.action; listener.after
 *                  stop()/stop condition? -&gt; return STOPPED }
 *
 *   livelock guard: more than maxEventsPerInstant events at one instant -&gt; sample the next
 *                   ones by owner and kind -&gt; throw SimulationLivelockException naming the
 *                   dominant one (one counter compare per event while time stands still)
 * </pre>
 *
 * <p>There is no global simulator: each instance is independent, so several run side by side
 * in one JVM (one per sweep point). No method is thread-safe; the simulator never starts a
 * thread.
 */
public final class Simulator {
    /** Sequence numbers occupy the low 48 bits of the tie key, priority the bits above. */
    private static final int SEQ_BITS = 48;
    private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;
    /** Default of {@link #setMaxEventsPerInstant}: far above any legitimate burst at one instant. */
    public static final long DEFAULT_MAX_EVENTS_PER_INSTANT = 10_000_000L;
    /** Events sampled after the per-instant limit is passed, to name the dominant owner and kind. */
    private static final long LIVELOCK_SAMPLE_EVENTS = 10_000L;

    private final EventQueue queue;
    private final List<Breakpoint> breakpoints = new ArrayList<>();
    private final List<BooleanSupplier> stopConditions = new ArrayList<>();
    private EventListener listener;
    private long nowPs;
    private long sequence;
    private long eventsRun;
    private int livePending;
    private boolean stopRequested;
    /** Set by anything that changes how a run loop behaves; the loop re-reads its settings. */
    private boolean controlChanged;
    private Event current;
    private long maxEventsPerInstant = DEFAULT_MAX_EVENTS_PER_INSTANT;
    /** Events run so far at {@link #nowPs}. */
    private long eventsAtInstant;
    /** Once {@link #eventsAtInstant} passes this the instant is examined (the limit, then every event). */
    private long instantCheckAfter = DEFAULT_MAX_EVENTS_PER_INSTANT;
    /** The events of an instant over the limit, counted on the way to the failure; null normally. */
    private InstantSample livelockSample;

    /** A simulator at time 0 with an empty {@link EventListKind#LADDER} event list. */
    public Simulator() {
        this(1024);
    }

    /** A simulator whose ladder event list starts with room for {@code initialCapacity} entries. */
    public Simulator(int initialCapacity) {
        this(EventListKind.LADDER, initialCapacity);
    }

    /**
     * A simulator whose event list is a {@code kind}, starting with room for
     * {@code initialCapacity} entries. The kind changes speed only, never the order of events.
     */
    public Simulator(EventListKind kind, int initialCapacity) {
        this.queue = kind.create(initialCapacity);
    }

    /** The current simulated time in picoseconds. */
    public long now() {
        return nowPs;
    }

    /** Number of events executed so far. */
    public long eventsRun() {
        return eventsRun;
    }

    /** Number of events scheduled and not yet run or cancelled. */
    public int pendingCount() {
        return livePending;
    }

    /** Creates a reusable event; it is not scheduled until {@link #scheduleAt} is called. */
    public Event newEvent(String kind, String owner, int priority, Runnable action) {
        return new Event(this, kind, owner, priority, action);
    }

    /** Creates a reusable event at {@link Priority#NORMAL}. */
    public Event newEvent(String kind, String owner, Runnable action) {
        return newEvent(kind, owner, Priority.NORMAL, action);
    }

    /**
     * Schedules {@code event} at absolute time {@code atPs}; if already pending it is moved.
     *
     * @throws IllegalArgumentException if {@code atPs} is in the past
     */
    public void scheduleAt(Event event, long atPs) {
        if (event.simulator != this) {
            throw new IllegalArgumentException("event " + event + " belongs to another simulator");
        }
        if (atPs < nowPs) {
            throw new IllegalArgumentException(
                    "cannot schedule " + event + " at " + atPs + " ps: now is " + nowPs + " ps");
        }
        long seq = sequence++;
        if (seq > SEQ_MASK) {
            throw new IllegalStateException("event sequence space exhausted");
        }
        long tieKey = ((long) event.priority() << SEQ_BITS) | seq;
        event.timePs = atPs;
        event.tieKey = tieKey;
        if (event.pending) {
            // Moved: the old entry goes stale (its tie key no longer matches).
            queue.insert(event, atPs, tieKey);
            compactIfStaleDominates();
        } else {
            event.pending = true;
            livePending++;
            queue.insert(event, atPs, tieKey);
        }
    }

    /** Lazy cancel leaves stale entries; rebuild when they outnumber live ones. */
    private void compactIfStaleDominates() {
        int entries = queue.size();
        if (entries > 4096 && entries > 2 * livePending) {
            queue.compact();
        }
    }

    /** Schedules {@code event} {@code delayPs} after now; if already pending it is moved. */
    public void scheduleIn(Event event, long delayPs) {
        if (delayPs < 0) {
            throw new IllegalArgumentException("negative delay " + delayPs + " ps for " + event);
        }
        scheduleAt(event, nowPs + delayPs);
    }

    /** Creates and schedules a one-shot event at {@link Priority#NORMAL}. */
    public Event schedule(long delayPs, String kind, String owner, Runnable action) {
        Event e = newEvent(kind, owner, Priority.NORMAL, action);
        scheduleIn(e, delayPs);
        return e;
    }

    /** Cancels {@code event} if pending; returns whether it was pending. */
    public boolean cancel(Event event) {
        if (!event.pending) {
            return false;
        }
        event.pending = false;
        livePending--;
        compactIfStaleDominates();
        return true;
    }

    /**
     * Fails the run with a {@link SimulationLivelockException} once more than {@code maxEvents}
     * events run at one simulated instant (default {@link #DEFAULT_MAX_EVENTS_PER_INSTANT}).
     * {@link Long#MAX_VALUE} turns the guard off.
     */
    public void setMaxEventsPerInstant(long maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEventsPerInstant must be at least 1, got " + maxEvents);
        }
        maxEventsPerInstant = maxEvents;
        if (livelockSample == null) {
            instantCheckAfter = maxEvents;
        }
    }

    /** The limit set by {@link #setMaxEventsPerInstant}. */
    public long maxEventsPerInstant() {
        return maxEventsPerInstant;
    }

    /** Sets the single listener (null to remove). Combine several with {@link EventListeners}. */
    public void setListener(EventListener listener) {
        this.listener = listener;
        controlChanged = true;
    }

    /** Adds a breakpoint checked before each event of {@link #run()} and {@link #runUntil}. */
    public void addBreakpoint(Breakpoint breakpoint) {
        breakpoints.add(Objects.requireNonNull(breakpoint));
        controlChanged = true;
    }

    /** Removes a breakpoint added earlier. */
    public void removeBreakpoint(Breakpoint breakpoint) {
        breakpoints.remove(breakpoint);
        controlChanged = true;
    }

    /** Adds a condition checked after each event; when it holds the run returns STOPPED. */
    public void addStopCondition(BooleanSupplier condition) {
        stopConditions.add(Objects.requireNonNull(condition));
        controlChanged = true;
    }

    /** Asks the current {@code run()} to return after the event in progress. */
    public void stop() {
        stopRequested = true;
        controlChanged = true;
    }

    /** Runs until no events remain, {@link #stop()} is called, or a breakpoint matches. */
    public RunOutcome run() {
        return runUntil(Long.MAX_VALUE);
    }

    /**
     * Runs every event with time {@code <= limitPs}. On {@link RunOutcome#TIME_LIMIT}, and on
     * {@link RunOutcome#EMPTY} when the list runs out first, the clock ends at {@code limitPs}
     * (except for {@code run()}, whose limit is unbounded).
     */
    public RunOutcome runUntil(long limitPs) {
        if (limitPs < nowPs) {
            throw new IllegalArgumentException("runUntil(" + limitPs + " ps) is before now (" + nowPs + " ps)");
        }
        stopRequested = false;
        controlChanged = false;
        // Settings are read once and re-read only when a setter flags a change, so the
        // common loop iteration checks one boolean besides the queue.
        boolean checkBreakpoints = !breakpoints.isEmpty();
        boolean checkStops = !stopConditions.isEmpty();
        EventListener l = listener;
        while (true) {
            Event head = peekLive();
            if (head == null) {
                // Time passes even when nothing happens: a run "until t" ends at t, so
                // time-weighted statistics cover the whole window. run() has no end to reach.
                if (limitPs != Long.MAX_VALUE) {
                    nowPs = limitPs;
                }
                return RunOutcome.EMPTY;
            }
            if (head.timePs > limitPs) {
                nowPs = limitPs;
                return RunOutcome.TIME_LIMIT;
            }
            if (checkBreakpoints && breakpointHit(head)) {
                return RunOutcome.BREAKPOINT;
            }
            if (l == null) {
                execute(head);
            } else {
                executeObserved(head, l);
            }
            if (controlChanged) {
                controlChanged = false;
                if (stopRequested) {
                    stopRequested = false;
                    return RunOutcome.STOPPED;
                }
                checkBreakpoints = !breakpoints.isEmpty();
                checkStops = !stopConditions.isEmpty();
                l = listener;
            }
            if (checkStops && stopConditionHolds()) {
                return RunOutcome.STOPPED;
            }
        }
    }

    /** Runs exactly one event, ignoring breakpoints; returns false if none was pending. */
    public boolean step() {
        Event head = peekLive();
        if (head == null) {
            return false;
        }
        EventListener l = listener;
        if (l == null) {
            execute(head);
        } else {
            executeObserved(head, l);
        }
        return true;
    }

    /** The next event to run, or null if none is pending. Does not run it. */
    public Event peekNext() {
        return peekLive();
    }

    private Event peekLive() {
        EventQueue q = queue;
        Event e;
        while ((e = q.peekEvent()) != null) {
            if (e.pending && e.tieKey == q.peekTieKey()) {
                return e;
            }
            q.removeHead(); // stale: cancelled or moved
        }
        return null;
    }

    /** The event whose action is running, or null between events. */
    public Event currentEvent() {
        return current;
    }

    /** Removes the live head and runs it. */
    private void execute(Event head) {
        dequeue(head);
        head.run();
        current = null;
    }

    private void executeObserved(Event head, EventListener l) {
        dequeue(head);
        long atPs = nowPs;
        l.beforeEvent(head, atPs);
        head.run();
        l.afterEvent(head, atPs);
        current = null;
    }

    private void dequeue(Event head) {
        head.pending = false; // before removeHead: the queue frees the event's slot on it
        queue.removeHead();
        current = head;
        livePending--;
        eventsRun++;
        long t = head.timePs;
        if (t != nowPs) {
            if (livelockSample != null) {
                livelockDetected(); // time moves on while sampling: the instant was over the limit all the same
            }
            nowPs = t;
            eventsAtInstant = 1;
        } else if (++eventsAtInstant > instantCheckAfter) {
            crowdedInstant(head);
        }
    }

    /** More than {@link #maxEventsPerInstant} events at this instant: sample, then fail. */
    private void crowdedInstant(Event head) {
        if (livelockSample == null) {
            livelockSample = new InstantSample(nowPs, Math.min(maxEventsPerInstant, LIVELOCK_SAMPLE_EVENTS));
            instantCheckAfter = 0; // every event of the sample comes here
        }
        if (livelockSample.add(head)) {
            livelockDetected();
        }
    }

    private void livelockDetected() {
        InstantSample sample = livelockSample;
        livelockSample = null;
        instantCheckAfter = maxEventsPerInstant;
        current = null;
        throw sample.failure(eventsAtInstant);
    }

    private boolean breakpointHit(Event head) {
        for (int i = 0; i < breakpoints.size(); i++) {
            if (breakpoints.get(i).shouldPause(head, head.timePs)) {
                return true;
            }
        }
        return false;
    }

    private boolean stopConditionHolds() {
        for (int i = 0; i < stopConditions.size(); i++) {
            if (stopConditions.get(i).getAsBoolean()) {
                return true;
            }
        }
        return false;
    }
}
