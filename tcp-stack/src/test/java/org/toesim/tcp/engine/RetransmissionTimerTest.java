package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.trace.TcpTrace;

/** RFC 6298 §5 (retransmission timer, backoff), Karn's rule, SYN retries. */
class RetransmissionTimerTest extends EngineTestBase {

    @Test
    void synIsRetransmittedAfter1Then2Then4Then8Seconds() {
        TcpConnection c = newConnection(plainConfig());
        c.connect(LOCAL_ISS, 0);
        Segment syn = ack(flags(seq(opts(SEND, synOptions(MSS)), LOCAL_ISS), TcpFlags.SYN), 0);
        assertSent(poll(c, 0), syn);
        List<Long> instants = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long wake = c.nextWakeupPs();
            assertNothingSent(poll(c, wake - 1));
            assertSent(poll(c, wake), syn);
            instants.add(wake);
        }
        assertEquals(List.of(1 * S, 3 * S, 7 * S, 15 * S), instants);
    }

    @Test
    void synRetriesExhaustedCloseTheConnection() {
        TcpConnection c = newConnection(plainConfig().toBuilder().maxSynRetries(2).build());
        c.connect(LOCAL_ISS, 0);
        poll(c, 0);
        poll(c, c.nextWakeupPs());
        poll(c, c.nextWakeupPs());
        assertNothingSent(poll(c, c.nextWakeupPs()));
        assertEquals(TcpState.CLOSED, c.state());
        assertEquals("reset:retransmission limit", events.get(events.size() - 2));
    }

    @Test
    void dataRetransmittedAtRtoThenBackedOffAndGoesBackToSndUna() {
        TcpConnection c = establishedByPackets(plainConfig());
        c.send(100, 20 * MS);
        Segment d = flags(data(SEND, 0, 100), TcpFlags.ACK | TcpFlags.PSH);
        assertSent(poll(c, 20 * MS), d);
        // SRTT 10 ms from the SYN: RTO = max(minRto 1 s, ...) = 1 s
        assertEquals(20 * MS + S, c.nextWakeupPs());
        assertNothingSent(poll(c, 20 * MS + S - 1));
        assertSent(poll(c, 20 * MS + S), d);
        assertEquals(20 * MS + 3 * S, c.nextWakeupPs(), "backed off to 2 s");
        assertSent(poll(c, 20 * MS + 3 * S), d);
        assertEquals(1, trace.ofType(TcpTrace.RtoFired.class).get(0).retries());
        assertEquals(2, c.stats(4 * S).timeoutRetransmits());
        // cwnd fell to one segment (RFC 5681 §3.1)
        assertEquals(MSS, c.cwndBytes());
        // the ACK restarts the timer with the backed-off RTO kept (Karn: no sample) and stops it when all is acked
        assertNothingSent(recv(c, ack(RECV, LOCAL_ISS + 101), 4 * S));
        assertEquals(Long.MAX_VALUE, c.nextWakeupPs());
    }
}
