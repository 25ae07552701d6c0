package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * D-SACK, undo and F-RTO over the lossy, reordering, duplicating channel of
 * {@link TransferPropertyTest}: every transfer still delivers exactly the bytes and closes, and
 * across the seeds the receivers do send D-SACKs and the senders do undo reductions (so the
 * property covers those paths, not only the quiet ones).
 */
class UndoTransferPropertyTest {

    @Test
    void transfersStayExactAndSpuriousRecoveriesAreUndone() {
        long dsacks = 0;
        long undos = 0;
        for (int seed = 0; seed < 30; seed++) {
            byte[] data = TransferPropertyTest.data(seed);
            TcpConfig cfg = TransferPropertyTest.config(seed).toBuilder().features(UndoTest.ALL).build();
            TcpPair pair = new TcpPair(seed, TransferPropertyTest.lossy(), cfg, cfg, data, 0xFFFFF000 + seed,
                    -2000 - seed);
            pair.run(TransferPropertyTest.LIMIT_PS);
            assertArrayEquals(data, pair.server.received.toByteArray(), "byte stream, seed " + seed);
            assertEquals(TcpState.CLOSED, pair.client.conn.state(), "client state, seed " + seed);
            assertEquals(TcpState.CLOSED, pair.server.conn.state(), "server state, seed " + seed);
            assertFalse(pair.client.reset || pair.server.reset, "no reset, seed " + seed);
            ConnectionStats sender = pair.client.conn.stats(pair.sim.now());
            dsacks += sender.dsacksIn();
            undos += sender.undos();
        }
        assertTrue(dsacks > 0, "D-SACKs reached the senders");
        assertTrue(undos > 0, "some reductions were undone");
    }
}
