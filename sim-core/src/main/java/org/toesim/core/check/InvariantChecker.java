package org.toesim.core.check;

import java.util.ArrayList;
import java.util.List;
import org.toesim.core.event.Event;
import org.toesim.core.event.EventListener;

/**
 * Checks a run's {@link Invariant}s: an {@link EventListener} on the simulator, so a run
 * without it pays nothing. Before each event it checks that the event is not in the past
 * (its time is not before the previous event's); after each event it runs every registered
 * invariant. The first violation stops the run with an {@link InvariantViolationException}.
 *
 * <pre>
 *   beforeEvent(e, t):  t &lt; previous t ?  -&gt; violation "noEventInPast" (e.owner, e.kind)
 *   afterEvent(e, t):   for inv in invariants: inv.check(t) != null ? -&gt; violation
 * </pre>
 *
 * Invariants are added once the model exists ({@link #add}); the checker can be installed on
 * the simulator before (the model's own set-up events are checked for time only).
 */
public final class InvariantChecker implements EventListener {
    /** Name of the kernel's own invariant. */
    public static final String NO_EVENT_IN_PAST = "noEventInPast";

    private final List<Invariant> invariants = new ArrayList<>();
    private Invariant[] active = new Invariant[0];
    private long lastEventPs = Long.MIN_VALUE;
    private long eventsChecked;
    private long checksRun;

    /** Adds {@code invariant}; checked after every later event. */
    public void add(Invariant invariant) {
        invariants.add(invariant);
        active = invariants.toArray(new Invariant[0]);
    }

    /** Adds each of {@code all}. */
    public void addAll(List<? extends Invariant> all) {
        for (Invariant i : all) {
            add(i);
        }
    }

    @Override
    public void beforeEvent(Event event, long nowPs) {
        if (nowPs < lastEventPs) {
            throw new InvariantViolationException(new InvariantViolation(NO_EVENT_IN_PAST,
                    "event " + event.kind() + " of " + event.owner(), nowPs,
                    "runs at " + nowPs + " ps, after an event at " + lastEventPs + " ps"));
        }
        lastEventPs = nowPs;
    }

    @Override
    public void afterEvent(Event event, long nowPs) {
        eventsChecked++;
        Invariant[] all = active;
        for (Invariant inv : all) {
            InvariantViolation v = inv.check(nowPs);
            if (v != null) {
                throw new InvariantViolationException(v);
            }
        }
        checksRun += all.length;
    }

    /** Runs every invariant now, each over all its subjects (the end of a run); throws on the first violation. */
    public void checkAll(long nowPs) {
        Invariant[] all = active;
        for (Invariant inv : all) {
            InvariantViolation v = inv.checkFully(nowPs);
            if (v != null) {
                throw new InvariantViolationException(v);
            }
        }
        checksRun += all.length;
    }

    /** Events checked so far. */
    public long eventsChecked() {
        return eventsChecked;
    }

    /** Invariant checks that passed so far. */
    public long checksRun() {
        return checksRun;
    }

    /** Invariants registered. */
    public int size() {
        return invariants.size();
    }
}
