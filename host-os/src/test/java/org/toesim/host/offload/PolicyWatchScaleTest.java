package org.toesim.host.offload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.Simulator;
import org.toesim.core.units.Units;
import org.toesim.nic.device.CommandStatus;
import org.toesim.tcp.segment.FourTuple;

/**
 * The periodic policy check visits only on-host connections whose verdict can change: closed
 * (forgotten), offloaded and settled ones leave it, so its cost does not grow with the number of
 * connections a run has seen (it used to keep every connection ever watched: a run of short
 * connections was quadratic, 23 % of it in {@code FourTuple.equals}). The statistics poll keeps at
 * most one query per connection outstanding.
 */
class PolicyWatchScaleTest {
    private static final long CHECK_PS = Units.PS_PER_MS;
    private final Simulator sim = new Simulator();
    private final OffloadManagerTest.FakeAdapter adapter = new OffloadManagerTest.FakeAdapter();
    private final OffloadManagerTest.FakeStack stack = new OffloadManagerTest.FakeStack();

    private OffloadManager manager(OffloadPolicy policy, long statsPollPs) {
        OffloadManager m = new OffloadManager(sim, adapter, stack, OffloadConfig.of(policy)
                .withCheckIntervalPs(CHECK_PS).withStatsPollIntervalPs(statsPollPs),
                new OffloadManagerTest.Records(), "H");
        m.setHandoffListener((t, from, to) -> { });
        return m;
    }

    private static List<FourTuple> tuples(int n) {
        List<FourTuple> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new FourTuple(0x0A000002, 5001, 0x0A000001 + i / 50_000, 1024 + i % 50_000));
        }
        return out;
    }

    @Test
    void closedConnectionsLeaveTheCheckAndTheRecordsGo() {
        OffloadManager m = manager(new OffloadPolicy.AfterBytes(1L << 40), 0); // never reached: verdict can change
        List<FourTuple> all = tuples(2_000);
        all.forEach(m::watch);
        assertEquals(2_000, m.policyCheckedConnections());
        sim.runUntil(sim.now() + 3 * CHECK_PS);
        long decisions = m.counters().decisions();
        assertEquals(2_000 * 4, decisions, "asked at watch and at each of 3 checks");
        all.forEach(m::forget);
        assertEquals(0, m.trackedConnections(), "no record kept for a closed connection");
        sim.runUntil(sim.now() + CHECK_PS);
        assertEquals(0, m.policyCheckedConnections(), "the check dropped them");
        assertEquals(decisions, m.counters().decisions(), "nobody asked about a closed connection");
        sim.run(); // the check event is not re-armed: the simulation ends
        assertEquals(decisions, m.counters().decisions());
    }

    @Test
    void aSettledStayIsNotAskedAgain() {
        OffloadManager m = manager(OffloadPolicy.Ports.of(List.of(80)), 0);
        tuples(1_000).forEach(m::watch);
        assertEquals(1_000, m.counters().decisions(), "asked once each, at watch");
        sim.runUntil(sim.now() + 10 * CHECK_PS);
        assertEquals(1_000, m.counters().decisions(), "ports never change: no periodic question");
        assertEquals(0, m.policyCheckedConnections());
    }

    @Test
    void anOffloadedConnectionLeavesTheCheckAndARefusedOneComesBack() {
        OffloadManager m = manager(new OffloadPolicy.Always(), 0);
        FourTuple t = tuples(1).get(0);
        m.watch(t);
        adapter.answerInitiate(CommandStatus.NO_RESOURCES); // refused: back on the host, in backoff
        assertEquals(HandoffState.ON_HOST, m.state(t));
        assertEquals(1, m.policyCheckedConnections(), "still shown to the policy after the backoff");
        sim.runUntil(sim.now() + OffloadConfig.of(new OffloadPolicy.Always()).refusalBackoffPs() + 2 * CHECK_PS);
        assertEquals(HandoffState.OFFLOADING, m.state(t), "asked again after the backoff");
        adapter.answerInitiate(CommandStatus.SUCCESS);
        sim.runUntil(sim.now() + 2 * CHECK_PS);
        assertEquals(HandoffState.OFFLOADED, m.state(t));
        assertEquals(0, m.policyCheckedConnections(), "offloaded: not checked");
    }

    @Test
    void aStatisticsQueryStillOutstandingIsNotSentAgain() {
        long pollPs = 10 * Units.PS_PER_US;
        OffloadManager m = manager(new OffloadPolicy.Always(), pollPs);
        FourTuple t = tuples(1).get(0);
        m.watch(t);
        adapter.answerInitiate(CommandStatus.SUCCESS);
        sim.runUntil(sim.now() + 20 * pollPs);
        assertEquals(1, adapter.queries.size(), "one query per connection at a time");
        adapter.queries.poll().done(CommandStatus.SUCCESS, null, org.toesim.nic.device.ConnectionStats.ZERO);
        sim.runUntil(sim.now() + 2 * pollPs);
        assertEquals(1, adapter.queries.size(), "the next poll sent the next one");
        assertTrue(m.counters().statsPolls() >= 1);
    }
}
