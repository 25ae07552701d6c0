package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.tcp.cc.Dctcp;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.segment.EcnCodepoint;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * ECN in the engine, one segment at a time: RFC 3168 §6.1.1 negotiation, §6.1.2 the sender's
 * once-per-window reduction and CWR, §6.1.3 the receiver's ECE latch, §6.1.5 no ECT on
 * retransmissions; RFC 8257 §3.2 the DCTCP receiver's CE-state echo.
 */
class EcnTest extends EngineTestBase {
    /** Segments with the ECN codepoint the engine gave each. */
    record Out(Segment seg, int ecn) {
    }

    private final List<Out> ecnOut = new ArrayList<>();
    private final SegmentSink ecnSink = new SegmentSink() {
        @Override
        public void send(FourTuple tuple, Segment segment) {
            send(tuple, segment, EcnCodepoint.NOT_ECT);
        }

        @Override
        public void send(FourTuple tuple, Segment segment, int ecnCodepoint) {
            ecnOut.add(new Out(segment, ecnCodepoint));
        }
    };

    private List<Out> in(TcpConnection c, Segment seg, int ecn, long nowPs) {
        ecnOut.clear();
        c.input(seg, ecn, nowPs, ecnSink);
        return new ArrayList<>(ecnOut);
    }

    private List<Out> pollEcn(TcpConnection c, long nowPs) {
        ecnOut.clear();
        c.poll(nowPs, ecnSink);
        return new ArrayList<>(ecnOut);
    }

    private static TcpConfig ecnConfig() {
        return plainConfig().toBuilder().ecn(true).build();
    }

    /** Active open with an ECN-setup SYN; the SYN-ACK has {@code synAckFlags} besides SYN|ACK. */
    private TcpConnection open(TcpConfig config, int synAckFlags) {
        TcpConnection c = newConnection(config);
        c.connect(LOCAL_ISS, 0);
        List<Out> syn = pollEcn(c, 0);
        assertEquals(1, syn.size());
        assertEquals(EcnCodepoint.NOT_ECT, syn.get(0).ecn(), "no ECT on a SYN (RFC 3168 §6.1.1)");
        Segment synAck = ack(seq(flags(opts(RECV, synOptions(MSS)), TcpFlags.SYN | TcpFlags.ACK | synAckFlags),
                REMOTE_ISS), LOCAL_ISS + 1);
        in(c, synAck, EcnCodepoint.NOT_ECT, 10 * MS);
        in(c, win(RECV, 65535), EcnCodepoint.NOT_ECT, 20 * MS);
        return c;
    }

    @Test
    void anEcnSetupSynCarriesEceAndCwrAndOnlyAnAcceptedOneMakesDataEct() {
        TcpConnection c = newConnection(ecnConfig());
        c.connect(LOCAL_ISS, 0);
        assertEquals(TcpFlags.SYN | TcpFlags.ECE | TcpFlags.CWR, pollEcn(c, 0).get(0).seg().flags());

        TcpConnection accepted = open(ecnConfig(), TcpFlags.ECE);
        accepted.send(2L * MSS, S);
        List<Out> data = pollEcn(accepted, S);
        assertEquals(2, data.size());
        assertTrue(data.stream().allMatch(o -> o.ecn() == EcnCodepoint.ECT_0), data.toString());
        assertFalse(data.get(0).seg().has(TcpFlags.ECE) || data.get(0).seg().has(TcpFlags.CWR));

        // a SYN-ACK without ECE (or with ECE and CWR: a reflected SYN) refuses: data Not-ECT
        for (int flags : new int[] {0, TcpFlags.ECE | TcpFlags.CWR}) {
            TcpConnection refused = open(ecnConfig(), flags);
            refused.send(MSS, S);
            assertEquals(EcnCodepoint.NOT_ECT, pollEcn(refused, S).get(0).ecn());
        }
        // ECN off: a plain SYN, and data Not-ECT even against an ECE SYN-ACK
        TcpConnection off = newConnection(plainConfig());
        off.connect(LOCAL_ISS, 0);
        assertEquals(TcpFlags.SYN, pollEcn(off, 0).get(0).seg().flags());
    }

    @Test
    void aPassiveOpenAnswersAnEcnSetupSynWithEceAlone() {
        for (boolean ecn : new boolean[] {true, false}) {
            TcpConnection c = newConnection(ecn ? ecnConfig() : plainConfig());
            c.listen(LOCAL_ISS, 0);
            Segment syn = seq(flags(opts(RECV, synOptions(MSS)), TcpFlags.SYN | TcpFlags.ECE | TcpFlags.CWR),
                    REMOTE_ISS);
            List<Out> synAck = in(c, syn, EcnCodepoint.NOT_ECT, 0);
            assertEquals(TcpFlags.SYN | TcpFlags.ACK | (ecn ? TcpFlags.ECE : 0), synAck.get(0).seg().flags());
        }
    }

    @Test
    void theReceiverEchoesCeUntilCwrArrives() {
        TcpConnection c = open(ecnConfig(), TcpFlags.ECE);
        Segment d0 = data(RECV, 0, 100);
        // CE on the first data segment: an ACK at once, with ECE (Linux quick ACK when the echo starts)
        List<Out> r = in(c, d0, EcnCodepoint.CE, S);
        assertEquals(1, r.size());
        assertTrue(r.get(0).seg().has(TcpFlags.ECE));
        assertEquals(EcnCodepoint.NOT_ECT, r.get(0).ecn(), "pure ACKs are Not-ECT");
        // later ACKs keep ECE while no CWR came, even for unmarked data
        Segment d1 = seq(data(RECV, 100, 1460), REMOTE_ISS + 101);
        Segment d2 = seq(data(RECV, 1560, 1460), REMOTE_ISS + 1561);
        in(c, d1, EcnCodepoint.ECT_0, S + MS);
        r = in(c, d2, EcnCodepoint.ECT_0, S + 2 * MS);
        assertEquals(1, r.size());
        assertTrue(r.get(0).seg().has(TcpFlags.ECE));
        // CWR: the echo stops
        Segment d3 = flags(seq(data(RECV, 3020, 1460), REMOTE_ISS + 3021), TcpFlags.ACK | TcpFlags.CWR);
        Segment d4 = seq(data(RECV, 4480, 1460), REMOTE_ISS + 4481);
        in(c, d3, EcnCodepoint.ECT_0, S + 3 * MS);
        r = in(c, d4, EcnCodepoint.ECT_0, S + 4 * MS);
        assertEquals(1, r.size());
        assertFalse(r.get(0).seg().has(TcpFlags.ECE), r.toString());
        assertEquals(1, c.stats(S + 5 * MS).ceReceived());
    }

    @Test
    void theSenderHalvesOncePerWindowAndMarksTheNextNewSegmentCwr() {
        TcpConnection c = open(ecnConfig(), TcpFlags.ECE);
        c.send(20L * MSS, S);
        assertEquals(10, pollEcn(c, S).size());
        long cwnd = c.cwndBytes();
        // an ECE ACK of the first segment: cwnd and ssthresh halve (NewReno: FlightSize / 2)
        Segment ece = flags(win(ack(RECV, LOCAL_ISS + 1 + MSS), 65535), TcpFlags.ACK | TcpFlags.ECE);
        List<Out> after = in(c, ece, EcnCodepoint.NOT_ECT, S + 10 * MS);
        assertEquals(9L * MSS / 2, c.ssthreshBytes());
        assertEquals(9L * MSS / 2, c.cwndBytes());
        assertTrue(c.cwndBytes() < cwnd);
        assertEquals(1, c.stats(S + 10 * MS).ecnReductions());
        // nothing may go (flight 9 MSS > cwnd); the next new segment, when one goes, carries CWR
        assertEquals(List.of(), after);
        // more ECE within the same window: no second reduction
        boolean sentCwr = false;
        for (int k = 2; k <= 6; k++) {
            Segment more = flags(win(ack(RECV, LOCAL_ISS + 1 + k * MSS), 65535), TcpFlags.ACK | TcpFlags.ECE);
            List<Out> sent = in(c, more, EcnCodepoint.NOT_ECT, S + (10 + k) * MS);
            for (Out o : sent) {
                assertEquals(EcnCodepoint.ECT_0, o.ecn());
            }
            if (!sent.isEmpty() && !sentCwr) {
                assertTrue(sent.get(0).seg().has(TcpFlags.CWR), "the first new segment after the cut: CWR");
                sentCwr = true;
                assertEquals(1, sent.stream().filter(o -> o.seg().has(TcpFlags.CWR)).count(), "CWR once");
            }
        }
        assertTrue(sentCwr);
        assertEquals(1, c.stats(S + 20 * MS).ecnReductions());
        // past the window of the reduction (SND.MAX at the cut: 10 MSS), ECE cuts again
        Segment next = flags(win(ack(RECV, LOCAL_ISS + 1 + 11 * MSS), 65535), TcpFlags.ACK | TcpFlags.ECE);
        in(c, next, EcnCodepoint.NOT_ECT, S + 30 * MS);
        assertEquals(2, c.stats(S + 30 * MS).ecnReductions());
    }

    @Test
    void retransmissionsAreNeverEct() {
        TcpConnection c = open(ecnConfig(), TcpFlags.ECE);
        c.send(4L * MSS, S);
        assertEquals(4, pollEcn(c, S).size());
        // the retransmission timer fires: the go-back segment is Not-ECT (RFC 3168 §6.1.5)
        List<Out> rto = pollEcn(c, c.nextWakeupPs());
        assertEquals(1, rto.size());
        assertEquals(LOCAL_ISS + 1, rto.get(0).seg().seq());
        assertEquals(EcnCodepoint.NOT_ECT, rto.get(0).ecn());
    }

    @Test
    void aDctcpReceiverEchoesTheCeStateAndAcksTheChangeAtOnce() {
        TcpConnection c = open(plainConfig().toBuilder().congestionControl(Dctcp.NAME).build(), TcpFlags.ECE);
        Segment d0 = data(RECV, 0, 1460);
        Segment d1 = seq(data(RECV, 1460, 1460), REMOTE_ISS + 1461);
        Segment d2 = seq(data(RECV, 2920, 1460), REMOTE_ISS + 2921);
        // one unmarked segment: delayed ACK pending, nothing sent
        assertEquals(List.of(), in(c, d0, EcnCodepoint.ECT_0, S));
        // CE arrives: the owed ACK of d0 goes first without ECE, then an ACK of d1 with ECE
        List<Out> r = in(c, d1, EcnCodepoint.CE, S + MS);
        assertEquals(2, r.size(), r.toString());
        assertEquals(REMOTE_ISS + 1461, r.get(0).seg().ack());
        assertFalse(r.get(0).seg().has(TcpFlags.ECE));
        assertEquals(REMOTE_ISS + 2921, r.get(1).seg().ack());
        assertTrue(r.get(1).seg().has(TcpFlags.ECE));
        // unmarked again: ECE off at once (a classic receiver would keep echoing until CWR)
        r = in(c, d2, EcnCodepoint.ECT_0, S + 2 * MS);
        assertEquals(1, r.size(), r.toString());
        assertFalse(r.get(0).seg().has(TcpFlags.ECE));
    }

    @Test
    void dctcpNegotiatesEcnWithoutBeingAsked() {
        TcpConnection c = newConnection(plainConfig().toBuilder().congestionControl(Dctcp.NAME).build());
        c.connect(LOCAL_ISS, 0);
        assertEquals(TcpFlags.SYN | TcpFlags.ECE | TcpFlags.CWR, pollEcn(c, 0).get(0).seg().flags());
    }

    @Test
    void theCcbCarriesTheEcnState() {
        TcpConnection c = open(ecnConfig(), TcpFlags.ECE);
        in(c, data(RECV, 0, 100), EcnCodepoint.CE, S);
        ControlBlock ccb = c.snapshot(S + MS);
        assertEquals(new ControlBlock.EcnState(true, false, false, -1), ccb.delegated().ecn());
        TcpConnection restored = TcpConnection.restore(ccb, ecnConfig(), S + MS, recorder, trace, "restored");
        in(restored, seq(data(RECV, 100, 1460), REMOTE_ISS + 101), EcnCodepoint.ECT_0, S + 2 * MS);
        List<Out> r = in(restored, seq(data(RECV, 1560, 1460), REMOTE_ISS + 1561), EcnCodepoint.ECT_0, S + 3 * MS);
        assertEquals(1, r.size(), r.toString());
        assertTrue(r.get(0).seg().has(TcpFlags.ECE), "the restored receiver still echoes: " + r);
        TcpConnection plain = establishedByPackets(plainConfig());
        assertEquals(null, plain.snapshot(S).delegated().ecn());
    }
}
