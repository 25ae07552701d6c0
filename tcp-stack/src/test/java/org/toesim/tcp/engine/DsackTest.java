package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.tcp.segment.SackBlock;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

/**
 * D-SACK (RFC 2883 §4), segment by segment: the receiver reports a duplicate segment in the
 * first SACK block of the ACK it sends at once; the sender recognises such a block and does not
 * take it for new SACK information or a duplicate ACK.
 */
class DsackTest extends EngineTestBase {
    static final TcpFeatures DSACK = TcpFeatures.rfc().withDsack(true);

    static TcpOptions sack(SackBlock... blocks) {
        return new TcpOptions(-1, -1, false, false, 0, 0, List.of(blocks));
    }

    /** The peer's data byte {@code off} as a sequence number. */
    static int rseq(long off) {
        return REMOTE_ISS + 1 + (int) off;
    }

    /** The peer's {@code len} bytes at stream offset {@code off}. */
    static Segment peerData(long off, int len) {
        return data(seq(RECV, rseq(off)), off, len);
    }

    /** ESTABLISHED with SACK permitted both ways. */
    TcpConnection established(TcpFeatures f) {
        TcpConnection c = newConnection(plainConfig().toBuilder().sack(true).features(f).build());
        c.connect(LOCAL_ISS, 0);
        assertSent(poll(c, 0), ack(flags(seq(opts(SEND, SackRecoveryTest.SYN_SACK), LOCAL_ISS), TcpFlags.SYN), 0));
        Segment synAck = ack(seq(flags(opts(RECV, SackRecoveryTest.SYN_SACK), TcpFlags.SYN | TcpFlags.ACK),
                REMOTE_ISS), LOCAL_ISS + 1);
        assertSent(recv(c, synAck, 10 * MS), SEND);
        return c;
    }

    @Test
    void aDuplicateSegmentBelowRcvNxtIsAnsweredAtOnceWithADsackBlock() {
        TcpConnection c = established(DSACK);
        assertNothingSent(recv(c, peerData(0, 100), 20 * MS)); // delayed ACK
        // the same segment again (its ACK was lost): RFC 2883 §4.1.1, D-SACK [0, 100) first
        assertSent(recv(c, peerData(0, 100), 30 * MS),
                opts(win(ack(SEND, rseq(100)), WINDOW - 100), sack(new SackBlock(rseq(0), rseq(100)))));
        assertEquals(1, c.stats(S).dsacksOut());
        // reported once: the next (delayed) ACK has no block
        assertNothingSent(recv(c, peerData(100, 100), 40 * MS));
        assertSent(poll(c, 80 * MS), win(ack(SEND, rseq(200)), WINDOW - 200));
    }

    @Test
    void withoutTheFeatureTheDuplicateGetsAPlainAck() {
        TcpConnection c = established(TcpFeatures.rfc());
        recv(c, peerData(0, 100), 20 * MS);
        assertSent(recv(c, peerData(0, 100), 30 * MS), win(ack(SEND, rseq(100)), WINDOW - 100));
        assertEquals(0, c.stats(S).dsacksOut());
    }

    @Test
    void aDuplicateOfOutOfOrderDataIsReportedFirstThenTheBlockHoldingIt() {
        TcpConnection c = established(DSACK);
        SackBlock held = new SackBlock(rseq(1000), rseq(1200));
        recv(c, peerData(1000, 100), 20 * MS);
        assertSent(recv(c, peerData(1100, 100), 21 * MS), opts(ack(SEND, rseq(0)), sack(held)));
        // RFC 2883 §4.1.2: [1000, 1100) again: D-SACK block, then the block that contains it
        assertSent(recv(c, peerData(1000, 100), 22 * MS),
                opts(ack(SEND, rseq(0)), sack(new SackBlock(rseq(1000), rseq(1100)), held)));
    }

    @Test
    void aSegmentOverlappingRcvNxtReportsOnlyItsDuplicatePart() {
        TcpConnection c = established(DSACK);
        recv(c, peerData(0, 100), 20 * MS);
        // [50, 150): 50..99 are duplicates, 100..149 new (Linux tcp_data_queue "partial packet"):
        // acknowledged at once with D-SACK [50, 100)
        List<Segment> reply = recv(c, peerData(50, 100), 30 * MS);
        assertEquals(1, reply.size());
        assertEquals(rseq(150), reply.get(0).ack());
        assertEquals(List.of(new SackBlock(rseq(50), rseq(100))), reply.get(0).options().sackBlocks());
    }

    /** Ten segments in flight; the peer acknowledged 0 and 1, then reports 0 again, three times. */
    List<List<Segment>> threeDsacksOfSegmentZero(TcpConnection c) {
        recv(c, SackRecoveryTest.sackAck(2), S + MS);
        Segment dsack = opts(win(ack(RECV, SackRecoveryTest.seqOf(2)), SackRecoveryTest.PEER_WINDOW),
                sack(new SackBlock(SackRecoveryTest.seqOf(0), SackRecoveryTest.seqOf(1))));
        return List.of(recv(c, dsack, S + 2 * MS), recv(c, dsack, S + 3 * MS), recv(c, dsack, S + 4 * MS));
    }

    @Test
    void theSenderDoesNotTakeDsackOnlyAcksForDuplicateAcks() {
        TcpConnection c = UndoTest.tenInFlight(this, DSACK);
        List<List<Segment>> replies = threeDsacksOfSegmentZero(c);
        replies.forEach(EngineTestBase::assertNothingSent);
        assertEquals(3, c.stats(2 * S).dsacksIn());
        assertEquals(0, c.stats(2 * S).dupAcksIn(), "RFC 2883 §4: no new SACK information, no loss");
        assertEquals(0, c.stats(2 * S).fastRetransmits());
    }

    @Test
    void withoutTheFeatureThreeSuchAcksTriggerASpuriousFastRetransmit() {
        TcpConnection c = UndoTest.tenInFlight(this, TcpFeatures.rfc());
        List<List<Segment>> replies = threeDsacksOfSegmentZero(c);
        assertEquals(SackRecoveryTest.seg(2), replies.get(2).get(0));
        assertEquals(3, c.stats(2 * S).dupAcksIn());
    }
}
