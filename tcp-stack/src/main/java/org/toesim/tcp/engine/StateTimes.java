package org.toesim.tcp.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The immutable time-in-state map of a {@link ConnectionStats}: one {@code long} per
 * {@link TcpState}, every state present, in ordinal order. A table of 100,000 connections keeps
 * a snapshot per connection; an EnumMap of boxed Longs cost about 400 bytes each, this 120.
 */
final class StateTimes extends AbstractMap<TcpState, Long> {
    private static final TcpState[] STATES = TcpState.values();
    private final long[] ps;

    private StateTimes(long[] ps) {
        this.ps = ps;
    }

    /** A map of {@code ps}, indexed by ordinal; the caller hands the array over and never changes it. */
    static StateTimes of(long[] ps) {
        if (ps.length != STATES.length) {
            throw new IllegalArgumentException("need one time per state, got " + ps.length);
        }
        return new StateTimes(ps);
    }

    /** {@code m} as a StateTimes (states it lacks count 0). */
    static StateTimes copyOf(Map<TcpState, Long> m) {
        if (m instanceof StateTimes s) {
            return s;
        }
        long[] ps = new long[STATES.length];
        for (Map.Entry<TcpState, Long> e : m.entrySet()) {
            ps[e.getKey().ordinal()] = e.getValue();
        }
        return new StateTimes(ps);
    }

    @Override
    public Long get(Object key) {
        return key instanceof TcpState s ? ps[s.ordinal()] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof TcpState;
    }

    @Override
    public int size() {
        return STATES.length;
    }

    @Override
    public Set<Map.Entry<TcpState, Long>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<TcpState, Long>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < STATES.length;
                    }

                    @Override
                    public Map.Entry<TcpState, Long> next() {
                        if (next >= STATES.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return Map.entry(STATES[i], ps[i]);
                    }
                };
            }

            @Override
            public int size() {
                return STATES.length;
            }
        };
    }
}
