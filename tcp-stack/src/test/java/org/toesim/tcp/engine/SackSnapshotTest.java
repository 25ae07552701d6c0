package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.trace.TraceSink;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.segment.SackBlock;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

/**
 * The receiver's SACK history (RFC 2018 §4: blocks reported in recent ACKs are repeated, most
 * recent first) travels in the CCB: after a handoff the first ACK carries the same blocks, in
 * the same order, as the uninterrupted connection's. Without the history the order would fall
 * back to ascending sequence order.
 *
 * <pre>
 *   peer data  C=[800,900)  A=[200,300)  B=[500,600)   (out of order, arrival order C, A, B)
 *   ACK blocks  [C]          [A, C]       [B, A, C]
 *   handoff     snapshot ─▶ restore
 *   [0,100) in order ─▶ ACK 100, blocks [B, A, C]  (ascending would be [A, B, C])
 * </pre>
 */
class SackSnapshotTest extends EngineTestBase {
    static final TcpOptions SYN_SACK = new TcpOptions(MSS, -1, true, false, 0, 0, List.of());

    static Segment peerData(int offset, int len) {
        return data(seq(RECV, REMOTE_ISS + 1 + offset), offset, len);
    }

    static SackBlock block(int from, int to) {
        return new SackBlock(REMOTE_ISS + 1 + from, REMOTE_ISS + 1 + to);
    }

    static Segment ourAck(int rcvOffset, SackBlock... blocks) {
        return opts(ack(SEND, REMOTE_ISS + 1 + rcvOffset), new TcpOptions(-1, -1, false, false, 0, 0, List.of(blocks)));
    }

    TcpConnection sackReceiver() {
        TcpConnection c = newConnection(plainConfig().toBuilder().sack(true).build());
        c.connect(LOCAL_ISS, 0);
        poll(c, 0);
        Segment synAck = ack(seq(flags(opts(RECV, SYN_SACK), TcpFlags.SYN | TcpFlags.ACK), REMOTE_ISS),
                LOCAL_ISS + 1);
        assertSent(recv(c, synAck, 10 * MS), SEND);
        return c;
    }

    @Test
    void firstAckAfterRestoreRepeatsTheReportedBlocksInTheSameOrder() {
        TcpConnection c = sackReceiver();
        assertSent(recv(c, peerData(800, 100), S), ourAck(0, block(800, 900)));
        assertSent(recv(c, peerData(200, 100), S + MS), ourAck(0, block(200, 300), block(800, 900)));
        assertSent(recv(c, peerData(500, 100), S + 2 * MS),
                ourAck(0, block(500, 600), block(200, 300), block(800, 900)));

        ControlBlock ccb = c.snapshot(S + 3 * MS);
        assertEquals(List.of(block(500, 600), block(200, 300), block(800, 900)), ccb.delegated().sackReported());
        TcpConnection restored = TcpConnection.restore(ccb, plainConfig(), S + 4 * MS, recorder, TraceSink.NONE,
                "restored");

        Segment inOrder = peerData(0, 100);
        Segment expected = win(ourAck(100, block(500, 600), block(200, 300), block(800, 900)), WINDOW - 100);
        assertSent(recv(c, inOrder, S + 4 * MS), expected);
        assertSent(recv(restored, inOrder, S + 4 * MS), expected);
        assertEquals(restored.snapshot(S + 5 * MS).delegated().sackReported(),
                c.snapshot(S + 5 * MS).delegated().sackReported());
    }
}
