package org.toesim.tcp.sack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.toesim.tcp.sack.SackScoreboard.Rule;
import org.toesim.tcp.segment.SackBlock;

/**
 * RFC 6675 scoreboard on scripted SACK patterns. The ISN sits just below 2^32 so the ten
 * segments in flight straddle the wrap: segment i covers [UNA + 1000 i, UNA + 1000 (i+1)).
 */
class SackScoreboardTest {
    private static final int SMSS = 1000;
    private static final int UNA = 0xFFFF_F000;   // 4096 bytes below the wrap

    private static int seg(int i) {
        return UNA + i * SMSS;
    }

    /** SACK of segments [from, to). */
    private static SackBlock sack(int from, int to) {
        return new SackBlock(seg(from), seg(to));
    }

    private static SackScoreboard tenInFlight() {
        SackScoreboard sb = new SackScoreboard(SMSS, UNA);
        sb.onNewDataSent(seg(10));
        return sb;
    }

    @Test
    void threeSackedSegmentsMakeTheFirstLost() {
        SackScoreboard sb = tenInFlight();
        assertEquals(1000, sb.update(UNA, List.of(sack(1, 2))));
        assertFalse(sb.isLost(UNA));
        assertEquals(1000, sb.update(UNA, List.of(sack(1, 3))));
        assertFalse(sb.isLost(UNA), "2 SACKed segments above: not yet (DupThresh 3)");
        assertEquals(1000, sb.update(UNA, List.of(sack(1, 4))));
        assertTrue(sb.isLost(UNA));
        assertTrue(sb.isLost(seg(1) - 1));
        assertFalse(sb.isLost(seg(1)), "SACKed octets are not lost");
        assertFalse(sb.isLost(seg(4)), "nothing SACKed above segment 4");
        assertEquals(3000, sb.sackedBytes());
        assertEquals(1, sb.sackedRangeCount());
        // SetPipe: segments 4..9 still in the network; segment 0 lost, not counted.
        assertEquals(6000, sb.pipeBytes());
        assertEquals(0, sb.update(UNA, List.of(sack(1, 4))), "a repeated block SACKs nothing new");
    }

    @Test
    void recoveryCountsTheRetransmissionInPipeAndNextSegPicksHoles() {
        SackScoreboard sb = tenInFlight();
        // Segments 0 and 4 lost; 1-3 and 5-9 SACKed.
        sb.update(UNA, List.of(sack(5, 10), sack(1, 4)));
        assertEquals(seg(5), sb.lostBoundary());
        assertTrue(sb.isLost(UNA));
        assertTrue(sb.isLost(seg(4)));
        assertEquals(0, sb.pipeBytes());
        assertTrue(sb.mayEnterRecovery());

        sb.enterRecovery(SMSS);                        // segment 0 retransmitted (§5 step 4.3)
        assertEquals(seg(10), sb.recoveryPoint());
        assertEquals(seg(1), sb.highRxt());
        assertEquals(1000, sb.pipeBytes(), "the retransmission of segment 0");

        assertEquals(Rule.LOST, sb.nextSeg(false));    // rule 1: segment 4
        assertEquals(seg(4), sb.nextSegSeq());
        assertEquals(SMSS, sb.nextSegLenBytes());
        assertEquals(Rule.LOST, sb.nextSeg(true), "rule 1 comes before new data");
        sb.onRetransmitted(seg(4), SMSS);
        assertEquals(seg(5), sb.highRxt());
        assertEquals(2000, sb.pipeBytes());
        assertEquals(Rule.NEW_DATA, sb.nextSeg(true));
        assertEquals(seg(10), sb.nextSegSeq());
        assertEquals(Rule.NONE, sb.nextSeg(false), "no rescue before HighACK passes RescueRxt");

        // The retransmitted segment 0 is acknowledged together with 1-3.
        sb.update(seg(4), List.of(sack(5, 10)));
        assertEquals(seg(4), sb.sndUna());
        assertEquals(1000, sb.pipeBytes(), "retransmitted segment 4 still in flight");
        assertFalse(sb.recoveryPointAcked());
        assertEquals(Rule.RESCUE, sb.nextSeg(false), "rule 4: once per recovery");
        assertEquals(seg(4), sb.nextSegSeq());
        assertEquals(SMSS, sb.nextSegLenBytes());
        sb.onRescueRetransmitted();
        assertEquals(seg(10), sb.rescueRxt());
        assertEquals(Rule.NONE, sb.nextSeg(false));

        sb.update(seg(10), List.of());
        assertTrue(sb.recoveryPointAcked());
        sb.exitRecovery();
        assertEquals(0, sb.sackedBytes());
        assertEquals(0, sb.pipeBytes());
    }

    @Test
    void ruleThreeRetransmitsAnUnsackedHoleBeforeItIsLost() {
        SackScoreboard sb = tenInFlight();
        sb.update(UNA, List.of(sack(1, 2)));
        assertEquals(Rule.UNSACKED, sb.nextSeg(false));
        assertEquals(UNA, sb.nextSegSeq());
        assertEquals(SMSS, sb.nextSegLenBytes());
        assertEquals(Rule.NEW_DATA, sb.nextSeg(true), "rule 2 before rule 3");
    }

    @Test
    void nextSegLengthStopsAtTheNextSackedRange() {
        SackScoreboard sb = tenInFlight();
        // 300-byte hole at UNA, then 3 SACKed segments.
        sb.update(UNA, List.of(new SackBlock(UNA + 300, seg(4) + 300)));
        assertTrue(sb.isLost(UNA));
        assertEquals(Rule.LOST, sb.nextSeg(false));
        assertEquals(300, sb.nextSegLenBytes());
    }

    @Test
    void byteRuleOfIsLost() {
        SackScoreboard sb = tenInFlight();
        sb.update(UNA, List.of(new SackBlock(seg(1), seg(3))));        // 2000 bytes = 2 segments
        assertFalse(sb.isLost(UNA), "2000 bytes is not more than (DupThresh - 1) * SMSS");
        sb.update(UNA, List.of(new SackBlock(seg(3), seg(3) + 1)));   // one more byte
        assertTrue(sb.isLost(UNA));
    }

    @Test
    void invalidBlocksAreIgnoredAndStraddlingOnesTrimmed() {
        SackScoreboard sb = tenInFlight();
        sb.update(seg(2), List.of());
        assertEquals(0, sb.update(seg(2), List.of(sack(0, 1))), "below SND.UNA (D-SACK)");
        assertEquals(0, sb.update(seg(2), List.of(sack(9, 11))), "beyond HighData");
        assertEquals(0, sb.update(seg(2), List.of(new SackBlock(seg(6), seg(5)))), "inverted");
        assertEquals(0, sb.update(seg(2), List.of(new SackBlock(seg(6), seg(6)))), "empty");
        assertEquals(2000, sb.update(seg(2), List.of(sack(1, 4))), "trimmed to SND.UNA");
        assertEquals(List.of(sack(2, 4)), sb.snapshot().sacked());
    }

    @Test
    void rangesMergeAndCumulativeAckTrims() {
        SackScoreboard sb = tenInFlight();
        sb.update(UNA, List.of(sack(7, 8), sack(3, 4), sack(5, 6)));
        assertEquals(3, sb.sackedRangeCount());
        assertEquals(1000, sb.update(UNA, List.of(sack(4, 5))), "fills the gap between 3 and 5");
        assertEquals(List.of(sack(3, 6), sack(7, 8)), sb.snapshot().sacked());
        assertEquals(3000, sb.update(UNA, List.of(new SackBlock(seg(2), seg(9)))), "segments 2, 6 and 8 are new");
        assertEquals(List.of(sack(2, 9)), sb.snapshot().sacked());
        sb.update(seg(5), List.of());
        assertEquals(List.of(sack(5, 9)), sb.snapshot().sacked());
        assertEquals(4000, sb.sackedBytes());
        assertEquals(0, sb.update(seg(11), List.of()), "an ACK beyond HighData is ignored");
        assertEquals(seg(5), sb.sndUna());
    }

    @Test
    void rtoEndsRecoveryAndFencesTheNextOne() {
        SackScoreboard sb = tenInFlight();
        sb.update(UNA, List.of(sack(1, 4)));
        sb.enterRecovery(SMSS);
        assertFalse(sb.mayEnterRecovery());
        sb.onRetransmissionTimeout();
        assertFalse(sb.inRecovery());
        assertFalse(sb.mayEnterRecovery(), "§5.1: not before HighACK reaches RecoveryPoint");
        assertEquals(0, sb.sackedBytes(), "RFC 2018 §8: SACK information from before the RTO is expunged");
        assertFalse(sb.isSacked(seg(2)));
        assertEquals(seg(10), sb.holeEnd(UNA));
        assertEquals(10_000, sb.pipeBytes(), "without SACK information nothing IsLost: all counts in pipe");
        // SACK information after the RTO is recorded again (RFC 6675 §5.1: use it)
        sb.update(UNA, List.of(sack(2, 4)));
        assertEquals(2000, sb.sackedBytes());
        assertEquals(seg(2), sb.holeEnd(UNA));
        assertEquals(seg(4), sb.firstUnsackedAtOrAbove(seg(2)));
        assertEquals(1000, sb.sackedBytesBelow(seg(3)));
        assertFalse(sb.mayEnterRecovery());
        sb.update(seg(10), List.of());
        assertTrue(sb.mayEnterRecovery());
    }

    @Test
    void snapshotRestoreRoundTrips() {
        SackScoreboard a = tenInFlight();
        a.update(UNA, List.of(sack(5, 10), sack(1, 4)));
        a.enterRecovery(SMSS);
        a.onRetransmitted(seg(4), SMSS);
        ScoreboardSnapshot snap = a.snapshot();
        SackScoreboard b = SackScoreboard.restore(snap);
        assertEquals(snap, b.snapshot());
        assertEquals(a.pipeBytes(), b.pipeBytes());
        assertEquals(a.lostBoundary(), b.lostBoundary());
        a.update(seg(4), List.of(sack(5, 10)));
        b.update(seg(4), List.of(sack(5, 10)));
        assertEquals(a.snapshot(), b.snapshot());
        assertEquals(a.nextSeg(false), b.nextSeg(false));
        assertEquals(a.nextSegSeq(), b.nextSegSeq());
    }

    /**
     * Lost-retransmission detection (the retransmission of SND.UNA is lost once DupThresh
     * segments sent after it are SACKed) continues across a snapshot: which SND.UNA was
     * retransmitted, and how far data had been sent then, travel in the snapshot.
     */
    @Test
    void lostUnaRetransmissionIsDetectedAfterRestore() {
        SackScoreboard a = tenInFlight();
        a.update(UNA, List.of(sack(1, 4)));
        a.enterRecovery(SMSS);
        a.onNewDataSent(seg(14));
        SackScoreboard b = SackScoreboard.restore(a.snapshot());
        assertEquals(a.snapshot(), b.snapshot());
        for (SackScoreboard sb : List.of(a, b)) {
            assertFalse(sb.unaRetransmissionLost());
            sb.update(UNA, List.of(sack(10, 13), sack(1, 4)));
            assertTrue(sb.unaRetransmissionLost());
        }
    }

    /**
     * Against an octet-by-octet model of RFC 6675 §4 (IsLost, SetPipe) on random SACK
     * patterns across the wrap. SMSS 10 keeps the model small.
     */
    @Test
    void matchesOctetModelOnRandomPatterns() {
        SplittableRandom rnd = new SplittableRandom(1);
        int smss = 10;
        int window = 400;
        for (int round = 0; round < 300; round++) {
            int una = UNA + rnd.nextInt(8000);
            SackScoreboard sb = new SackScoreboard(smss, una);
            sb.onNewDataSent(una + window);
            BitSet sacked = new BitSet(window);
            for (int k = 0; k < 1 + rnd.nextInt(8); k++) {
                List<SackBlock> blocks = new ArrayList<>();
                for (int b = 0; b < 1 + rnd.nextInt(4); b++) {
                    int l = rnd.nextInt(window);
                    int r = Math.min(window, l + 1 + rnd.nextInt(60));
                    blocks.add(new SackBlock(una + l, una + r));
                    sacked.set(l, r);
                }
                sb.update(una, blocks);
            }
            int highRxtOff = rnd.nextInt(window / 2);
            sb.enterRecovery(highRxtOff);
            assertEquals(sacked.cardinality(), sb.sackedBytes());
            long pipe = 0;
            for (int o = 0; o < window; o++) {
                boolean lost = !sacked.get(o) && modelIsLost(sacked, o, smss);
                assertEquals(lost, sb.isLost(una + o), "round " + round + " octet " + o);
                if (!sacked.get(o)) {
                    pipe += (lost ? 0 : 1) + (o < highRxtOff ? 1 : 0);
                }
            }
            assertEquals(pipe, sb.pipeBytes(), "round " + round);
            checkNextSeg(sb, sacked, una, highRxtOff, smss);
        }
    }

    /** NextSeg rules (1)-(3) of RFC 6675 §4, octet by octet. */
    private static void checkNextSeg(SackScoreboard sb, BitSet sacked, int una, int highRxtOff, int smss) {
        int highestSacked = sacked.length();
        int o = sacked.nextClearBit(highRxtOff);
        if (o < highestSacked) {
            boolean lost = modelIsLost(sacked, o, smss);
            int len = Math.min(smss, sacked.nextSetBit(o) - o);
            assertEquals(lost ? Rule.LOST : Rule.UNSACKED, sb.nextSeg(false));
            assertEquals(una + o, sb.nextSegSeq());
            assertEquals(len, sb.nextSegLenBytes());
            assertEquals(lost ? Rule.LOST : Rule.NEW_DATA, sb.nextSeg(true));
        } else {
            assertEquals(Rule.NEW_DATA, sb.nextSeg(true));
            assertEquals(Rule.NONE, sb.nextSeg(false), "no rescue before the first retransmission is ACKed");
        }
    }

    /** IsLost per RFC 6675 §4, counting each SACKed range above as ceil(len/SMSS) segments. */
    private static boolean modelIsLost(BitSet sacked, int o, int smss) {
        long bytes = 0;
        long segs = 0;
        int i = sacked.nextSetBit(o + 1);
        while (i >= 0) {
            int end = sacked.nextClearBit(i);
            bytes += end - i;
            segs += (end - i + smss - 1) / smss;
            i = sacked.nextSetBit(end);
        }
        return segs >= 3 || bytes > 2L * smss;
    }

    @Test
    void aLostRetransmissionOfSndUnaIsDetectedWhenLaterDataIsSacked() {
        SackScoreboard sb = tenInFlight();
        sb.update(UNA, List.of(sack(1, 4)));
        sb.enterRecovery(SMSS); // segment 0 retransmitted while HighData = segment 10
        assertFalse(sb.unaRetransmissionLost(), "nothing sent after the retransmission is SACKed yet");
        sb.update(UNA, List.of(sack(1, 10)));
        assertFalse(sb.unaRetransmissionLost(), "SACKs of data sent before the retransmission prove nothing");
        sb.onNewDataSent(seg(14));
        sb.update(UNA, List.of(sack(1, 12)));
        assertFalse(sb.unaRetransmissionLost(), "two later segments SACKed: could still be reordering (DupThresh 3)");
        sb.update(UNA, List.of(sack(1, 13)));
        assertTrue(sb.unaRetransmissionLost(), "three segments sent after it arrived, the retransmission did not");
        sb.onRetransmitted(UNA, SMSS); // sent again: a fresh retransmission, HighData = segment 14
        assertFalse(sb.unaRetransmissionLost());
        sb.update(seg(13), List.of());
        assertFalse(sb.unaRetransmissionLost(), "SND.UNA moved: the retransmission arrived");
    }
}
