package org.toesim.tcp.rtt;

import java.util.Arrays;

/**
 * The contents of a {@link SendTimeLog} for a CCB, packed into one {@code long[]} of
 * (endPos, stamp) pairs: the position line from {@code headStartPos} on is cut into consecutive
 * runs, each either one logged segment or a gap the log holds nothing for (a go-back resend
 * that ran into new data logs only the part it retransmitted). Only segments in flight are
 * logged, so the array is bounded by the flight, 16 bytes a segment.
 *
 * <pre>
 *   headStartPos   [end0, stamp0] [end1, stamp1] ...      run k covers [end(k-1), end k)
 *   stamp &gt;= 0                  age of the send time (now - sent), never retransmitted
 *   stamp = RETRANSMITTED (-1)   retransmitted: Karn's rule takes no sample, the time is moot
 *   stamp = NOT_LOGGED (-2)      a gap: no segment logged there
 * </pre>
 *
 * Ages rather than times, so a log restored at another instant is shifted with the connection.
 *
 * @param headStartPos start of the oldest logged segment, -1 when the log is empty
 * @param runs         (endPos, stamp) pairs, oldest first; never starts or ends with a gap
 */
public record SendTimeSnapshot(long headStartPos, long[] runs) {
    public static final long RETRANSMITTED = -1;
    public static final long NOT_LOGGED = -2;
    /** Nothing logged. */
    public static final SendTimeSnapshot EMPTY = new SendTimeSnapshot(-1, new long[0]);

    public SendTimeSnapshot {
        if (runs.length % 2 != 0) {
            throw new IllegalArgumentException("runs must be (endPos, stamp) pairs: " + runs.length);
        }
        runs = runs.clone();
    }

    /** Runs held (logged segments and gaps). */
    public int runCount() {
        return runs.length / 2;
    }

    public long endPos(int run) {
        return runs[2 * run];
    }

    public long stamp(int run) {
        return runs[2 * run + 1];
    }

    @Override
    public long[] runs() {
        return runs.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SendTimeSnapshot s && s.headStartPos == headStartPos && Arrays.equals(s.runs, runs);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(headStartPos) * 31 + Arrays.hashCode(runs);
    }

    @Override
    public String toString() {
        return "SendTimeSnapshot[from " + headStartPos + " " + Arrays.toString(runs) + "]";
    }
}
