package org.toesim.tcp.cc;

/**
 * Kathleen Nichols' windowed running maximum over three samples (Linux {@code lib/win_minmax.c},
 * {@code minmax_running_max}), as BBR's bandwidth filter uses it with time counted in round
 * trips (draft-cardwell-iccrg-bbr-congestion-control-00 §4.1.1.2 BBR.BtlBwFilter).
 *
 * <pre>
 *   s0 (best) ≥ s1 ≥ s2, each (time, value); new sample v at time t:
 *     v ≥ s0 or t - s2.t > win  ─▶ all three = (t, v)
 *     v ≥ s1                    ─▶ s1 = s2 = (t, v);   v ≥ s2 ─▶ s2 = (t, v)
 *     then age out: s0 older than win ─▶ shift; sub-window refresh at win/4, win/2
 * </pre>
 */
final class MaxFilter {
    private final long[] t = new long[3];
    private final long[] v = new long[3];

    /** The best value in the window. */
    long best() {
        return v[0];
    }

    /** Adds {@code value} measured at {@code time}; returns the new maximum. */
    long update(long window, long time, long value) {
        if (value >= v[0] || time - t[2] > window) {
            reset(time, value);
            return value;
        }
        if (value >= v[1]) {
            set(2, time, value);
            set(1, time, value);
        } else if (value >= v[2]) {
            set(2, time, value);
        }
        return subwinUpdate(window, time, value);
    }

    private long subwinUpdate(long window, long time, long value) {
        long dt = time - t[0];
        if (dt > window) {
            shift(time, value);
            if (time - t[0] > window) {
                shift(time, value);
            }
        } else if (t[1] == t[0] && dt > window / 4) {
            set(2, time, value);
            set(1, time, value);
        } else if (t[2] == t[1] && dt > window / 2) {
            set(2, time, value);
        }
        return v[0];
    }

    private void shift(long time, long value) {
        set(0, t[1], v[1]);
        set(1, t[2], v[2]);
        set(2, time, value);
    }

    void reset(long time, long value) {
        for (int i = 0; i < 3; i++) {
            set(i, time, value);
        }
    }

    private void set(int i, long time, long value) {
        t[i] = time;
        v[i] = value;
    }

    /** The three samples as {time0, value0, time1, value1, time2, value2}. */
    long[] state() {
        return new long[] {t[0], v[0], t[1], v[1], t[2], v[2]};
    }

    void restore(long[] s) {
        for (int i = 0; i < 3; i++) {
            set(i, s[2 * i], s[2 * i + 1]);
        }
    }
}
