package org.toesim.scenario.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.result.ConnectionReport;

/**
 * The capture reader the slow-start checks rest on, on ToeSim's own receiver captures (whose
 * truth the summary knows) and on the Linux references (whose truth pcapcheck's stored JSON knows).
 */
class PcapFlowTest {
    private static final String SCENARIO = """
            {"name": "pcapflow", "seed": 7,
             "hosts": [{"name": "a"}, {"name": "b"}],
             "links": [{"between": ["a", "b"], "rate": "1Gbps", "delay": "1ms", "impairments": {"loss": %s}}],
             "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "1MiB", "tcp": {"congestionControl": "cubic"}}],
             "stop": {"until": "workloadsDone", "limit": "30s"}, "outputs": {"timeSeries": 0, "plots": []}}
            """;

    private static SeedRun run(Path dir, double loss) throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), String.format(java.util.Locale.ROOT, SCENARIO, loss));
        return SeedRun.run(FidelityInputs.model(), file, 7, List.of(), dir);
    }

    @Test
    void aCleanTransferIsOneMiBInOrderWithNoHole(@TempDir Path dir) throws Exception {
        SeedRun r = run(dir, 0);
        PcapFlow f = PcapFlow.read(r.receiverPcap());
        assertEquals(List.of(r.receiverPcap()), Files.list(dir).filter(p -> p.toString().endsWith(".pcap")).toList(),
                "only the receiver's capture is kept");
        assertEquals(1L << 20, f.deliveredBytes());
        assertEquals((1 << 20) / 1448 + 1, f.dataFrames(), "one frame per 1448-byte segment, none resent");
        assertEquals(0, f.holes());
        assertTrue(Double.isNaN(f.firstLossMs()));
        double simMs = r.summary().simTimePs() / 1e9;
        assertTrue(f.timeTo1MiBMs() > 4 && f.timeTo1MiBMs() < simMs, "1 MiB after the handshake and 1 RTT, before the end: "
                + f.timeTo1MiBMs() + " ms of " + simMs);
        assertTrue(f.ackFrames() > 0);
    }

    @Test
    void aLossyTransferShowsItsFirstHoleBeforeTheLastByte(@TempDir Path dir) throws Exception {
        SeedRun r = run(dir, 0.02);
        PcapFlow f = PcapFlow.read(r.receiverPcap());
        ConnectionReport c = r.summary().connections().get(0);
        assertTrue(c.retransmits() > 0, "2 % loss over ~725 frames loses some");
        assertEquals(1L << 20, f.deliveredBytes());
        assertTrue(f.holes() > 0);
        assertTrue(f.firstLossMs() < f.timeTo1MiBMs());
        assertTrue(f.dataFrames() > (1 << 20) / 1448, "resent frames arrive too");
    }

    @Test
    void theReferenceTracesReadAsPcapcheckReadsThem() throws Exception {
        Path ref = FidelityInputs.referenceDir();
        for (LinuxCondition c : LinuxCondition.ALL) {
            PcapFlow f = PcapFlow.read(ref.resolve(c.trace() + ".pcap.gz"));
            PcapCheck.Judged j = PcapCheck.read(ref.resolve(c.trace() + ".pcapcheck.json"));
            assertEquals(c.name().equals("1MiB") ? 1L << 20 : 50L << 20, f.deliveredBytes(), c.name());
            assertEquals(j.ackDirFrames() - 2, f.ackFrames(), c.name() + ": the receiver's frames but SYN-ACK and FIN");
            assertEquals(j.retransmissions() > 0, f.holes() > 0, c.name());
        }
        PcapFlow loss = PcapFlow.read(ref.resolve("cubic_1g_1ms_loss.pcap.gz"));
        assertEquals(61.4, loss.firstLossMs(), 0.05, "Linux's first random loss in the 0.1 % trace");
    }
}
