package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The engine's byte accounting: consistent states pass, each kind of lost or invented byte is named. */
class StreamAccountingTest {
    /** 10,000 bytes written, 4,000 acknowledged, 3,000 in flight; 5,000 received, 2,000 read, 1,000 out of order. */
    private static StreamAccounting healthy() {
        return new StreamAccounting(TcpState.ESTABLISHED, 10_000, 4_000, 4_001, 7_001, 7_001, false, 5_001, false,
                5_000, 2_000, 1_000);
    }

    @Test
    void writtenIsAcknowledgedPlusInFlightPlusUnsent() {
        StreamAccounting a = healthy();
        assertNull(a.inconsistency());
        assertEquals(4_000, a.ackedBytes());
        assertEquals(3_000, a.inFlightBytes());
        assertEquals(3_000, a.unsentBytes());
        assertEquals(a.writtenBytes(), a.ackedBytes() + a.inFlightBytes() + a.unsentBytes());
        assertEquals(3_000, a.readableBytes());
    }

    @Test
    void aSendBufferThatDroppedBytesBeforeTheyWereAcknowledgedIsCaught() {
        StreamAccounting a = new StreamAccounting(TcpState.ESTABLISHED, 10_000, 4_500, 4_001, 7_001, 7_001, false,
                5_001, false, 5_000, 2_000, 0);
        assertTrue(a.inconsistency().contains("send buffer starts at byte 4500 but the peer acknowledged 4000"),
                a.inconsistency());
    }

    @Test
    void sendingBeyondTheWrittenDataOrOutOfOrderPositionsAreCaught() {
        StreamAccounting beyond = new StreamAccounting(TcpState.ESTABLISHED, 10_000, 4_000, 4_001, 10_002, 10_002,
                false, 1, false, 0, 0, 0);
        assertTrue(beyond.inconsistency().startsWith("sent beyond the written data"), beyond.inconsistency());
        StreamAccounting order = new StreamAccounting(TcpState.ESTABLISHED, 10_000, 4_000, 4_001, 3_001, 7_001, false,
                1, false, 0, 0, 0);
        assertTrue(order.inconsistency().startsWith("send positions out of order"), order.inconsistency());
    }

    @Test
    void aReceiveBufferThatDoesNotEndAtRcvNxtIsCaughtAndTheFinIsNotData() {
        StreamAccounting lost = new StreamAccounting(TcpState.ESTABLISHED, 0, 0, 1, 1, 1, false, 5_001, false, 4_000,
                0, 0);
        assertTrue(lost.inconsistency().contains("receive buffer ends at byte 4000 but RCV.NXT 5001 says 5000"),
                lost.inconsistency());
        StreamAccounting fin = new StreamAccounting(TcpState.CLOSE_WAIT, 0, 0, 1, 1, 1, false, 5_002, true, 5_000,
                5_000, 0);
        assertNull(fin.inconsistency(), "the FIN occupies one position, no byte");
    }

    @Test
    void aFinishedFinOnTheSendSideCountsNoByteAndAClosedEngineIsNotChecked() {
        StreamAccounting finAcked = new StreamAccounting(TcpState.FIN_WAIT_2, 10_000, 10_000, 10_002, 10_002, 10_002,
                true, 1, false, 0, 0, 0);
        assertNull(finAcked.inconsistency());
        assertEquals(10_000, finAcked.ackedBytes());
        StreamAccounting closed = new StreamAccounting(TcpState.CLOSED, 10_000, 10_000, 3, 3, 3, false, 0, false, 9,
                0, 0);
        assertNull(closed.inconsistency(), "a reset engine dropped its buffers");
    }
}
