package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

/** RFC 7323 §3-5: timestamps negotiated, TSecr echoes TS.Recent, PAWS drops old segments. */
class TimestampsTest extends EngineTestBase {

    static TcpOptions ts(int val, int ecr) {
        return new TcpOptions(-1, -1, false, true, val, ecr, List.of());
    }

    @Test
    void pawsDropsSegmentWithOlderTimestampAndAcks() {
        TcpConnection c = newConnection(plainConfig().toBuilder().timestamps(true).build());
        c.connect(LOCAL_ISS, 0);
        poll(c, 0);
        TcpOptions synAckOpts = new TcpOptions(MSS, -1, false, true, 1000, 0, List.of());
        List<Segment> ack = recv(c, ack(seq(flags(opts(RECV, synAckOpts), TcpFlags.SYN | TcpFlags.ACK), REMOTE_ISS),
                LOCAL_ISS + 1), 10 * MS);
        assertEquals(1000, ack.get(0).options().tsEcr(), "TSecr echoes the peer's TSval");
        assertEquals(MSS - 12, c.snapshot(10 * MS).constant().sndMssBytes(), "SMSS less the option");
        recv(c, opts(data(RECV, 0, 100), ts(2000, 0)), 20 * MS);
        Segment old = opts(data(seq(RECV, REMOTE_ISS + 101), 100, 100), ts(1500, 0));
        List<Segment> reply = recv(c, old, 30 * MS);
        assertEquals(1, reply.size());
        assertEquals(REMOTE_ISS + 101, reply.get(0).ack(), "old segment dropped, ACK sent");
        assertEquals(2000, reply.get(0).options().tsEcr());
        assertEquals(100, c.readableBytes());
    }
}
