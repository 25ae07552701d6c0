package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.toesim.tcp.segment.TcpFlags;

/** What a connection says it waits for: the diagnosis of a run that did not finish. */
class WaitDescriptionTest extends EngineTestBase {

    @Test
    void anUnansweredSynSaysSoWithItsBackedOffTimer() {
        TcpConnection c = newConnection(plainConfig());
        c.connect(LOCAL_ISS, 0);
        poll(c, 0);
        poll(c, c.nextWakeupPs()); // first retry at 1 s, RTO now 2 s
        assertEquals("SYN-SENT: awaiting SYN-ACK (retransmission timer (RTO 2 s, 1 backoffs, fires in 1.5 s))",
                c.waitingFor(1500 * MS));
        assertEquals(2 * S, c.retryIntervalPs());
    }

    @Test
    void unacknowledgedDataShowsTheRetransmissionTimerAndAnIdleConnectionSaysIdle() {
        TcpConnection c = establishedByPackets(plainConfig());
        assertEquals("ESTABLISHED: idle, awaiting data from the peer", c.waitingFor(20 * MS));
        assertEquals(-1, c.retryIntervalPs());
        c.send(100, 20 * MS);
        assertSent(poll(c, 20 * MS), flags(data(SEND, 0, 100), TcpFlags.ACK | TcpFlags.PSH));
        poll(c, c.nextWakeupPs()); // RTO at 1.02 s, backed off to 2 s
        assertEquals("ESTABLISHED: retransmission timer (RTO 2 s, 1 backoffs, fires in 1.82 s), 100 bytes "
                + "unacknowledged", c.waitingFor(1200 * MS));
        assertEquals(2 * S, c.retryIntervalPs());
    }

    @Test
    void durationsArePrintedWithThreeSignificantDigits() {
        assertEquals("1.2 s", WaitDescription.approx(1_200_000_000_000L));
        assertEquals("340 ms", WaitDescription.approx(340_000_000_000L));
        assertEquals("100 ms", WaitDescription.approx(100_000_000_000L));
        assertEquals("12.5 us", WaitDescription.approx(12_500_000L));
        assertEquals("1234 s", WaitDescription.approx(1_234_000_000_000_000L));
    }
}
