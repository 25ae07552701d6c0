package org.toesim.host.offload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.Simulator;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.nic.device.CcbImage;
import org.toesim.nic.device.Capability;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.ConnectionStats;
import org.toesim.nic.device.OffloadFeature;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.engine.TcpState;
import org.toesim.tcp.segment.FourTuple;

/**
 * Statistics polls with more offloaded connections than one poll's batch: each poll submits at
 * most the batch, the connections are taken in turn, and every one is polled once per round.
 */
class StatsPollerTest {
    private static final long MS = Units.PS_PER_MS;

    /** A stack of many connections that agrees to every handoff. */
    private static final class ManyStack implements StackPort {
        @Override
        public ConnectionFacts facts(FourTuple tuple) {
            return new ConnectionFacts(tuple, TcpState.ESTABLISHED, 100_000, 0, 0, 0);
        }

        @Override
        public org.toesim.tcp.engine.ConnectionStats hostStats(FourTuple tuple) {
            return null;
        }

        @Override
        public void quiesce(FourTuple tuple) {
        }

        @Override
        public ControlBlock snapshot(FourTuple tuple) {
            return OffloadManagerTest.ccb(TcpState.ESTABLISHED);
        }

        @Override
        public int markOffloaded(FourTuple tuple) {
            return 0;
        }

        @Override
        public void resumeOnHost(FourTuple tuple) {
        }

        @Override
        public void resumeFromCcb(FourTuple tuple, ControlBlock ccb) {
        }

        @Override
        public void abort(FourTuple tuple, String reason) {
        }
    }

    /** Records the handle of every query and answers it at once. */
    private static final class CountingAdapter extends OffloadManagerTest.FakeAdapter {
        final List<OffloadHandle> queried = new ArrayList<>();

        CountingAdapter() {
            capability = new Capability(true, 100, 100, 1 << 20, 1 << 20, 8, EnumSet.of(OffloadFeature.IPV4));
        }

        @Override
        public void query(OffloadHandle handle, QueryCallback callback) {
            queried.add(handle);
            callback.done(CommandStatus.SUCCESS, new CcbImage(OffloadManagerTest.ccb(TcpState.ESTABLISHED)),
                    ConnectionStats.ZERO);
        }
    }

    @Test
    void pollsTakeTheConnectionsInTurnAtMostABatchAtATime() {
        Simulator sim = new Simulator();
        CountingAdapter adapter = new CountingAdapter();
        OffloadManager m = new OffloadManager(sim, adapter, new ManyStack(), OffloadConfig.of(new OffloadPolicy.Always())
                .withStatsPollIntervalPs(10 * MS).withStatsPollBatch(3), TraceSink.NONE, "H");
        for (int k = 0; k < 10; k++) {
            m.watch(new FourTuple(0x0A000002, 5001, 0x0A000001, 40000 + k));
            adapter.answerInitiate(CommandStatus.SUCCESS);
        }
        assertEquals(10, m.offloadedConnections());
        sim.runUntil(10 * MS + 1);
        assertEquals(3, adapter.queried.size(), "one poll, one batch: " + adapter.queried);
        sim.runUntil(40 * MS + 1);
        assertEquals(12, adapter.queried.size(), "four polls of three");
        Set<OffloadHandle> firstRound = new LinkedHashSet<>(adapter.queried.subList(0, 10));
        assertEquals(10, firstRound.size(), "the first ten queries are ten connections: " + adapter.queried);
        assertEquals(adapter.queried.subList(0, 2), adapter.queried.subList(10, 12), "then round again, in order");
        assertTrue(m.counters().statsPolls() == 12, m.counters().toString());
    }
}
