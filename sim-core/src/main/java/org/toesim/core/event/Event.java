package org.toesim.core.event;

import java.util.Objects;

/**
 * A reusable scheduled action. Created by {@link Simulator#newEvent}, scheduled with
 * {@link Simulator#scheduleAt} or {@link Simulator#scheduleIn}, cancelled with
 * {@link Simulator#cancel}. Rescheduling a pending event moves it (the old instant is dropped).
 *
 * <p>{@code kind} and {@code owner} label the event for listeners, breakpoints and traces
 * (e.g. kind {@code "rto"}, owner {@code "hostA.tcp"}); they never select behaviour.
 */
public final class Event {
    private final String kind;
    private final String owner;
    private final int priority;
    private final Runnable action;
    /** Tie key (priority and sequence) of the live queue entry; other entries are stale. */
    long tieKey;
    boolean pending;
    long timePs;
    /** The {@link EventSlots} slot a {@link LadderQueue} gave this event, or -1. */
    int queueSlot = -1;
    final Simulator simulator;

    Event(Simulator simulator, String kind, String owner, int priority, Runnable action) {
        if (priority < 0 || priority > Priority.MAX) {
            throw new IllegalArgumentException("priority must be in [0, " + Priority.MAX + "], got " + priority);
        }
        this.simulator = simulator;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.priority = priority;
        this.action = Objects.requireNonNull(action, "action");
    }

    /** What happens, e.g. {@code "rto"} or {@code "dma.complete"}. */
    public String kind() {
        return kind;
    }

    /** The component that owns the event, e.g. {@code "hostA.nic0"}. */
    public String owner() {
        return owner;
    }

    /** Phase at equal time; lower runs first. */
    public int priority() {
        return priority;
    }

    /** True while scheduled and not yet run or cancelled. */
    public boolean isPending() {
        return pending;
    }

    /** The instant the event is scheduled for; meaningful only while {@link #isPending()}. */
    public long timePs() {
        return timePs;
    }

    void run() {
        action.run();
    }

    @Override
    public String toString() {
        return owner + ":" + kind + (pending ? "@" + timePs + "ps" : "");
    }
}
