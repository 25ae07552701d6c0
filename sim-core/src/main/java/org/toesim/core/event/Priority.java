package org.toesim.core.event;

/**
 * Phases of one simulated instant. At equal time, an event with a lower priority value runs
 * first. Models pick the phase that matches the hardware: a frame arriving on a wire at the
 * same instant a timer expires is seen before the timer, as a real device would latch the frame
 * on the clock edge and service its timers after.
 */
public final class Priority {
    /** Completions of transfers (wire, bus, DMA): state becomes visible first. */
    public static final int DELIVERY = 10;
    /** Ordinary model work (processing a message, running a core's work item). */
    public static final int NORMAL = 50;
    /** Timer expiries (retransmission, delayed ACK, interrupt moderation). */
    public static final int TIMER = 80;
    /** Observers and samplers, which must see the state at the end of the instant. */
    public static final int OBSERVER = 120;
    /** Largest priority value accepted. */
    public static final int MAX = (1 << 15) - 1;

    private Priority() {
    }
}
