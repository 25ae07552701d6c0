package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.result.NicReport;
import org.toesim.scenario.result.RunStatus;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;

/**
 * A TOE host holds as many offloaded connections as its CCB table (issue 11): the host's offload
 * state is not a fixed number of slots, commands beyond the COMMAND ring wait in the driver, and a
 * table too small sends the rest to the host stack, counted. Reduced sizes of the shapes
 * (100 x 10 MiB at full size, see scenarios/README.md "Many connections into a TOE").
 */
class ToeScaleTest {
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);
    /**
     * The many-connection runs go unchecked: the per-connection invariants visit every open
     * connection after every event (README "Invariant checks"), ~100x the cost here; the
     * short-connection run below and every other end-to-end test run checked.
     */
    private static final RunContext UNCHECKED = new RunContext(null, ProgressListener.NONE, false);

    private static SummaryReport bulkIntoToe(int connections, int ccbCapacity) throws Exception {
        return new ModelExecutor().execute(Scenarios.parse("""
                {"name": "scale", "seed": 11,
                 "hosts": [{"name": "a", "cores": 4},
                           {"name": "b", "cores": 4, "nic": {"model": "toe", "ccbCapacity": %d}, "offload": "always"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "1MiB", "connections": %d}],
                 "stop": {"until": "workloadsDone", "limit": "10s"},
                 "outputs": {"timeSeries": "0s", "plots": []}}
                """.formatted(ccbCapacity, connections)), UNCHECKED).summary();
    }

    @Test
    void hundredFlowsIntoAToeReceiverAllCompleteOffloaded() throws Exception {
        SummaryReport r = bulkIntoToe(100, 128);
        assertEquals(RunStatus.COMPLETED, r.status(), r.statusReason());
        assertEquals(100, r.connections().size());
        for (ConnectionReport c : r.connections()) {
            assertEquals(1 << 20, c.bytesDelivered(), c.toString());
            assertTrue(c.offloaded(), "offloaded: " + c);
        }
        NicReport nic = r.nics().get(1);
        assertEquals(100, nic.offloads(), nic.toString());
        assertEquals(0, nic.offloadsRefused(), nic.toString());
        assertEquals(0, nic.offloadsNotPossible(), nic.toString());
        assertEquals(100, nic.flushes(), "each comes back once, for its close: " + nic);
    }

    @Test
    void twiceAsManyConnectionsAsTheTableFallBackToTheHostCountedAndAtAHostCost() throws Exception {
        SummaryReport full = bulkIntoToe(40, 20);
        assertEquals(RunStatus.COMPLETED, full.status(), full.statusReason());
        long offloaded = full.connections().stream().filter(ConnectionReport::offloaded).count();
        for (ConnectionReport c : full.connections()) {
            assertEquals(1 << 20, c.bytesDelivered(), "every connection delivers, on the card or not: " + c);
        }
        NicReport nic = full.nics().get(1);
        assertEquals(20, offloaded, "the table's worth on the card");
        assertEquals(20, nic.offloads(), nic.toString());
        assertEquals(20, nic.offloadsNotPossible(), "the other 20 fell back to the host stack, counted: " + nic);
        // the fallback's cost: the receiving host copies and checksums what the card did not take
        SummaryReport roomy = bulkIntoToe(40, 64);
        assertEquals(0, roomy.nics().get(1).offloadsNotPossible());
        double fullCpb = full.hosts().get(1).cyclesPerByteRx();
        double roomyCpb = roomy.hosts().get(1).cyclesPerByteRx();
        assertTrue(fullCpb > 2 * roomyCpb, "host cycles per received byte: table full " + fullCpb
                + ", table large enough " + roomyCpb);
    }

    @Test
    void shortConnectionsThroughAToeAreEachOffloadedAndTakenBack() throws Exception {
        SummaryReport r = new ModelExecutor().execute(Scenarios.parse("""
                {"name": "short", "seed": 13,
                 "hosts": [{"name": "a"}, {"name": "b", "nic": {"model": "toe"}, "offload": "always"}],
                 "workloads": [{"type": "shortConnections", "from": "a", "to": "b", "count": 150, "size": "16KiB",
                                "interval": "100us", "poisson": true}],
                 "stop": {"until": "workloadsDone", "limit": "2s"},
                 "outputs": {"timeSeries": "0s", "plots": []}}
                """), NO_FILES).summary();
        assertEquals(RunStatus.COMPLETED, r.status(), r.statusReason());
        assertEquals(150L * 16384, r.connections().get(0).bytesDelivered());
        NicReport nic = r.nics().get(1);
        assertEquals(150, nic.offloads(), nic.toString());
        assertEquals(0, nic.offloadsNotPossible() + nic.offloadsRefused(), nic.toString());
    }
}
