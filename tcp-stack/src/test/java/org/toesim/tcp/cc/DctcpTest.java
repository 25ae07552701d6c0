package org.toesim.tcp.cc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * DCTCP's estimator and response over the strategy alone (RFC 8257 §3.3, Linux tcp_dctcp.c):
 * alpha starts at 1 (1024/1024), moves by g = 1/16 towards the marked fraction once per window,
 * and scales the ECN cut; a loss still halves.
 */
class DctcpTest {
    private static final int MSS = 1000;

    /** Eight segments in flight: every window of observation is eight ACKs once the first closes. */
    private static final int FLIGHT = 8;

    /** One ACK of one MSS, with or without ECE, at a constant flight of {@link #FLIGHT} segments. */
    private static void ack(Dctcp d, CongestionState s, boolean ece) {
        s.sndUnaPos += MSS;
        s.sndMaxPos = s.sndUnaPos + (long) FLIGHT * MSS;
        d.onEcnAck(s, MSS, ece, 0);
    }

    /** One window of {@link #FLIGHT} ACKs, the first {@code marked} with ECE. */
    private static void window(Dctcp d, CongestionState s, int marked) {
        for (int i = 0; i < FLIGHT; i++) {
            ack(d, s, i < marked);
        }
    }

    @Test
    void alphaDecaysBySixteenthWithoutMarksAndTracksTheMarkedFraction() {
        Dctcp d = new Dctcp(true);
        CongestionState s = new CongestionState(MSS, 10L * MSS);
        assertEquals(1024, d.alpha());
        ack(d, s, false); // the first ACK ends the (empty) first window
        assertEquals(1024 - 64, d.alpha(), "alpha -= alpha >> 4");
        // a window with every byte marked: alpha = alpha - alpha/16 + 1024/16
        window(d, s, FLIGHT);
        assertEquals(960 - 60 + 64, d.alpha());
        // a window with half of it marked, ended by its last ACK only
        for (int i = 0; i < FLIGHT - 1; i++) {
            ack(d, s, i < FLIGHT / 2);
            assertEquals(964, d.alpha(), "no update before the window ends");
        }
        ack(d, s, false);
        assertEquals(964 - 60 + 32, d.alpha());
        // many windows at a marked fraction of 1/4: alpha converges to about 256
        for (int w = 0; w < 200; w++) {
            window(d, s, 2);
        }
        assertTrue(Math.abs(d.alpha() - 256) <= 16, "alpha " + d.alpha());
        // many windows without marks: alpha decays to 0
        for (int w = 0; w < 200; w++) {
            window(d, s, 0);
        }
        assertEquals(0, d.alpha());
    }

    @Test
    void theEcnCutScalesWithAlphaAndALossHalves() {
        Dctcp d = new Dctcp(true);
        CongestionState s = new CongestionState(MSS, 100L * MSS);
        s.flightSizeBytes = 100L * MSS;
        assertEquals(50L * MSS, d.ssthreshOnEcnEcho(s, 0), "alpha = 1: cwnd * (1 - 1/2)");
        for (int w = 0; w < 200; w++) {
            window(d, s, 1); // F = 1/8
        }
        long cut = d.ssthreshOnEcnEcho(s, 0);
        // alpha ~ 128/1024: cwnd * (1 - alpha / 2) ~ 94 MSS
        assertTrue(cut > 92L * MSS && cut < 96L * MSS, "ssthresh " + cut);
        assertEquals(50L * MSS, d.ssthreshOnLoss(s, 0), "a loss halves FlightSize (RFC 8257 §3.4)");
        s.cwndBytes = 2L * MSS;
        assertEquals(2L * MSS, d.ssthreshOnEcnEcho(s, 0), "never below 2 SMSS");
    }

    @Test
    void theSnapshotRestoresTheEstimatorExactly() {
        Dctcp d = new Dctcp(true);
        CongestionState s = new CongestionState(MSS, 10L * MSS);
        window(d, s, 1);
        ack(d, s, true); // mid-window: the counters are part of the state
        Dctcp back = (Dctcp) CongestionControls.restore(d.snapshot());
        assertEquals(d.snapshot(), back.snapshot());
        CongestionState s2 = new CongestionState(MSS, 10L * MSS);
        s2.sndUnaPos = s.sndUnaPos;
        for (int w = 0; w < 5; w++) {
            window(d, s, 3);
            window(back, s2, 3);
        }
        assertEquals(d.snapshot(), back.snapshot(), "the restored estimator goes on exactly as the original");
        assertEquals("dctcp", back.name());
        assertTrue(back.echoesCeState());
    }
}
