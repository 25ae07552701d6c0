package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;

/** The built-in default experiment: both columns run, and the TOE column shows what offload changes. */
class DefaultExperimentTest {
    @Test
    void bothReceiversRunAndTheToeTakesTheReceiversPerByteWork() throws Exception {
        List<DefaultExperiment.Column> cols = DefaultExperiment.run(
                (v, s) -> new ModelExecutor().run(s, new RunContext(null, ProgressListener.NONE)));
        DefaultExperiment.Column host = cols.get(0);
        DefaultExperiment.Column toe = cols.get(1);
        assertNull(toe.error(), toe.error());
        assertNotNull(toe.details());
        for (DefaultExperiment.Column c : cols) {
            assertEquals(org.toesim.scenario.result.RunStatus.COMPLETED, c.details().result().summary().status(),
                    c.variant());
            assertEquals(16L << 20, c.bulk().bytesDelivered(), c.variant());
            assertEquals(ConnectionReport.INTEGRITY_OK, c.bulk().integrity(), c.variant());
            assertEquals(500, c.latency().count(), c.variant());
        }
        assertEquals("toe", toe.receiverNic().model());
        assertTrue(toe.bulk().offloaded());
        assertTrue(toe.receiverNic().offloads() >= 2, "bulk and request-response connections offloaded");
        // 16 MiB in 1448-byte segments is ~11 600 data segments, all on the card's fast path
        assertTrue(toe.receiverNic().fastPathSegments() > 11_000, toe.receiverNic().toString());
        assertTrue(toe.receiverNic().slowPathSegments() < 50, toe.receiverNic().toString());
        assertEquals(0, host.receiverNic().fastPathSegments());
        double hostCpb = host.receiver().cyclesPerByteRx();
        double toeCpb = toe.receiver().cyclesPerByteRx();
        assertTrue(hostCpb > 3, "host stack copies and checksums: " + hostCpb);
        assertTrue(toeCpb < hostCpb / 10, "TOE " + toeCpb + " vs host stack " + hostCpb);
        assertTrue(toe.receiver().cpuUtilization() < host.receiver().cpuUtilization() / 5);
        // SYSTEM.md behaviour 3: no host copy or checksum of offloaded payload (what remains is the
        // request-response connection's first send on the host stack, before its handoff)
        assertTrue(host.receiverPayloadCyclesPerByte() > 1, "host " + host.receiverPayloadCyclesPerByte());
        assertTrue(toe.receiverPayloadCyclesPerByte() < 0.05, "toe " + toe.receiverPayloadCyclesPerByte());
        // the sender's copies bound both transfers: goodputs within 15 %
        double ratio = toe.bulk().goodputBitsPerSec() / host.bulk().goodputBitsPerSec();
        assertTrue(ratio > 0.85 && ratio < 1.15, "goodput ratio " + ratio);
    }
}
