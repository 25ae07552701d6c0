package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;
import org.toesim.tcp.segment.SackBlock;

/** RFC 1122 §4.2.3.2 and RFC 5681 §4.2: delayed ACKs, and immediate ACKs for gaps. */
class DelayedAckTest extends EngineTestBase {
    static final int SEG = MSS;

    Segment dataAt(long offset, int len) {
        return data(seq(RECV, REMOTE_ISS + 1 + (int) offset), offset, len);
    }

    Segment ackOf(long offset, int window) {
        return win(ack(SEND, REMOTE_ISS + 1 + (int) offset), window);
    }

    @Test
    void oneSegmentIsAckedWhenTheTimerExpires() {
        TcpConnection c = establishedByPackets(plainConfig());
        assertNothingSent(recv(c, dataAt(0, SEG), S));
        assertEquals(S + 40 * MS, c.nextWakeupPs());
        assertNothingSent(poll(c, S + 40 * MS - 1));
        assertSent(poll(c, S + 40 * MS), ackOf(SEG, WINDOW - SEG));
    }

    @Test
    void everySecondFullSegmentIsAckedAtOnce() {
        TcpConnection c = establishedByPackets(plainConfig());
        assertNothingSent(recv(c, dataAt(0, SEG), S));
        assertSent(recv(c, dataAt(SEG, SEG), S + MS), ackOf(2 * SEG, WINDOW - 2 * SEG));
        assertNothingSent(recv(c, dataAt(2 * SEG, SEG), S + 2 * MS));
        assertSent(recv(c, dataAt(3 * SEG, SEG), S + 3 * MS), ackOf(4 * SEG, WINDOW - 4 * SEG));
        assertEquals(Long.MAX_VALUE, c.nextWakeupPs());
    }

    @Test
    void outOfOrderSegmentIsAckedImmediatelyAndFillingTheGapToo() {
        TcpConnection c = establishedByPackets(plainConfig());
        assertSent(recv(c, dataAt(SEG, SEG), S), ackOf(0, WINDOW));
        assertSent(recv(c, dataAt(0, SEG), S + MS), ackOf(2 * SEG, WINDOW - 2 * SEG));
        assertEquals(2L * SEG, c.readableBytes());
    }

    @Test
    void configurableTimeoutAndSwitchOff() {
        TcpConnection c = establishedByPackets(plainConfig().toBuilder().delayedAckTimeoutPs(200 * MS).build());
        recv(c, dataAt(0, 100), S);
        assertEquals(S + 200 * MS, c.nextWakeupPs());
        TcpConnection off = establishedByPackets(plainConfig().toBuilder().delayedAck(false).build());
        assertSent(recv(off, dataAt(0, 100), S), ackOf(100, WINDOW - 100));
    }

    @Test
    void sackBlocksReportHeldData() {
        TcpConfig cfg = plainConfig().toBuilder().sack(true).build();
        TcpConnection c = newConnection(cfg);
        c.connect(LOCAL_ISS, 0);
        poll(c, 0);
        TcpOptions sackOk = new TcpOptions(MSS, -1, true, false, 0, 0, java.util.List.of());
        recv(c, ack(seq(flags(opts(RECV, sackOk), TcpFlags.SYN | TcpFlags.ACK), REMOTE_ISS), LOCAL_ISS + 1), MS);
        Segment reply = recv(c, dataAt(SEG, SEG), S).get(0);
        assertEquals(java.util.List.of(new SackBlock(REMOTE_ISS + 1 + SEG, REMOTE_ISS + 1 + 2 * SEG)),
                reply.options().sackBlocks());
    }
}
