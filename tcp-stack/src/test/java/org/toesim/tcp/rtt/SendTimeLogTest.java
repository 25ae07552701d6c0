package org.toesim.tcp.rtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * The send-time log and its CCB form: the compact (endPos, stamp) runs hold every logged segment,
 * a retransmitted one and a gap, and a log restored at a later instant gives the samples the
 * original would have given, shifted by the time between.
 *
 * <pre>
 *   [1,101) at 10   [101,201) at 20, retransmitted at 40   gap [201,301)   [301,401) at 50
 *   snapshot at 60; restore at 60 + SHIFT
 * </pre>
 */
class SendTimeLogTest {
    private static final long SHIFT = 1_000_000;

    private static SendTimeLog sample() {
        SendTimeLog log = new SendTimeLog();
        log.onSend(1, 101, 10, false);
        log.onSend(101, 201, 20, false);
        log.onSend(201, 301, 30, true); // a go-back resend that ran into new data: not logged
        log.onSend(101, 201, 40, true);
        log.onSend(301, 401, 50, false);
        return log;
    }

    @Test
    void snapshotPacksSegmentsAsRunsWithAgesGapsAndRetransmissions() {
        SendTimeSnapshot s = sample().snapshot(60);
        assertEquals(1, s.headStartPos());
        assertArrayEquals(new long[] {101, 50, 201, SendTimeSnapshot.RETRANSMITTED, 301, SendTimeSnapshot.NOT_LOGGED,
                401, 10}, s.runs());
    }

    @Test
    void restoredLogRoundTripsAndGivesTheSameSamplesShifted() {
        SendTimeLog a = sample();
        SendTimeSnapshot s = a.snapshot(60);
        SendTimeLog b = SendTimeLog.restore(s, 60 + SHIFT);
        assertEquals(s, b.snapshot(60 + SHIFT));
        assertEquals(a.size(), b.size());

        assertEquals(new SendTimeLog.AckTiming(10, 10, false), a.onAck(1, 101));
        assertEquals(new SendTimeLog.AckTiming(10 + SHIFT, 10 + SHIFT, false), b.onAck(1, 101));
        assertEquals(new SendTimeLog.AckTiming(-1, -1, true), b.onAck(101, 251)); // Karn: no sample
        assertSame(SendTimeLog.NONE, b.onAck(251, 301)); // in the gap: nothing logged there
        assertEquals(new SendTimeLog.AckTiming(-1, -1, false), b.onAck(301, 351)); // partly: head trimmed
        a.onAck(101, 251);
        a.onAck(251, 301);
        a.onAck(301, 351);
        assertEquals(a.snapshot(70), b.snapshot(70 + SHIFT));
        assertEquals(351, b.snapshot(70 + SHIFT).headStartPos());
        assertEquals(new SendTimeLog.AckTiming(50, 50, false), a.onAck(351, 401));
        assertEquals(new SendTimeLog.AckTiming(50 + SHIFT, 50 + SHIFT, false), b.onAck(351, 401));
        assertEquals(SendTimeSnapshot.EMPTY, b.snapshot(80 + SHIFT));
    }

    @Test
    void largeLogsRestoreBeyondTheInitialCapacity() {
        SendTimeLog a = new SendTimeLog();
        for (int i = 0; i < 300; i++) {
            a.onSend(1 + 100L * i, 101 + 100L * i, i, false);
        }
        a.onAck(1, 5001);
        SendTimeSnapshot s = a.snapshot(1000);
        assertEquals(250, s.runCount());
        assertEquals(s, SendTimeLog.restore(s, 5000).snapshot(5000));
    }
}
