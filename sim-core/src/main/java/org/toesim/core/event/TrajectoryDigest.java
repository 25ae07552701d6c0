package org.toesim.core.event;

/**
 * A running 64-bit digest of the event trajectory: every executed event's time, kind and owner,
 * in order. Two runs with the same digest executed the same events at the same instants; CI
 * compares it against a stored baseline to detect behaviour changes. Uses only
 * {@link String#hashCode()} (specified by the JLS) and fixed mixing, so the value is stable
 * across JVMs and platforms.
 */
public final class TrajectoryDigest implements EventListener {
    private long state = 0x9E3779B97F4A7C15L;
    private long events;

    @Override
    public void beforeEvent(Event event, long nowPs) {
        state = mix(state ^ nowPs);
        state = mix(state ^ ((long) event.kind().hashCode() << 32 | (event.owner().hashCode() & 0xFFFFFFFFL)));
        events++;
    }

    /** The digest so far. */
    public long value() {
        return state;
    }

    /** The digest as 16 hex digits. */
    public String hex() {
        return String.format("%016x", state);
    }

    /** Number of events folded in. */
    public long events() {
        return events;
    }

    /** SplitMix64's finaliser: a bijective avalanche over 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
