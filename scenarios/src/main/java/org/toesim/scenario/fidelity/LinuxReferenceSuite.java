package org.toesim.scenario.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.spec.ScenarioException;

/**
 * Runs one Linux reference condition over several seeds and judges ToeSim's receiver-side
 * captures and the reference trace with the same tools (pcapcheck for goodput, retransmissions,
 * options, ACK frames and windows; {@link PcapFlow} for the slow-start shape).
 *
 * <pre>
 *   seed k:   SeedRun (simulate, b-eth0.pcap) --&gt; PcapFlow.read --&gt; pcapcheck start (background)
 *   seed k+1: SeedRun ...  while pcapcheck judges seed k (the two use the two cores)
 *   reference: NAME.pcapcheck.json (stored) + PcapFlow.read(NAME.pcap.gz)
 * </pre>
 */
public final class LinuxReferenceSuite {
    private LinuxReferenceSuite() {
    }

    /**
     * What one run (a ToeSim seed or the reference) shows.
     *
     * @param seed           the seed (-1 for the reference)
     * @param judged         pcapcheck's figures
     * @param flow           the timeline figures
     * @param wallMs         wall time of the simulation (0 for the reference)
     * @param lossDrops      frames the random-loss impairment dropped (ToeSim: summary.json
     *                       {@code links[].lossDrops}; the reference: its relay's {@code drop_loss}),
     *                       -1 when unknown
     */
    public record Figures(long seed, PcapCheck.Judged judged, PcapFlow flow, long wallMs, long lossDrops) {
    }

    /**
     * A condition's reference and seeds.
     *
     * @param condition the condition
     * @param reference the Linux trace's figures
     * @param seeds     ToeSim's figures, one per seed, in seed order
     */
    public record ConditionResult(LinuxCondition condition, Figures reference, List<Figures> seeds) {
    }

    /** The reference trace's figures, from its stored pcapcheck JSON and its pcap. */
    public static Figures reference(LinuxCondition c, Path refDir) throws IOException {
        return new Figures(-1, PcapCheck.read(refDir.resolve(c.trace() + ".pcapcheck.json")),
                PcapFlow.read(refDir.resolve(c.trace() + ".pcap.gz")), 0, relayLossDrops(refDir.resolve(c.trace()
                + ".meta.json")));
    }

    /** {@code relay.a_to_b.drop_loss + relay.b_to_a.drop_loss} of a reference's meta.json, -1 if absent. */
    static long relayLossDrops(Path meta) throws IOException {
        if (!Files.isRegularFile(meta)) {
            return -1;
        }
        JsonNode relay = new ObjectMapper().readTree(meta.toFile()).path("relay");
        JsonNode ab = relay.path("a_to_b").path("drop_loss");
        JsonNode ba = relay.path("b_to_a").path("drop_loss");
        if (!ab.isNumber()) {
            return -1;
        }
        return ab.asLong() + (ba.isNumber() ? ba.asLong() : 0);
    }

    /**
     * Runs {@code c} at each of {@code seeds}; captures and pcapcheck output go under
     * {@code work/<scenario>/seed-N/} and each capture is deleted once judged.
     */
    public static ConditionResult run(ScenarioExecutor model, LinuxCondition c, Path scenarioDir, Path refDir,
                                      PcapCheck judge, List<Long> seeds, Path work)
            throws IOException, ScenarioException, InterruptedException {
        Path file = scenarioDir.resolve(c.scenarioFile());
        List<Figures> out = new ArrayList<>();
        Pending pending = null;
        for (long seed : seeds) {
            Path dir = work.resolve(c.scenarioFile().replace(".json", "")).resolve("seed-" + seed);
            Files.createDirectories(dir);
            long t0 = System.nanoTime();
            SeedRun run = SeedRun.run(model, file, seed, List.of(), dir);
            long wallMs = (System.nanoTime() - t0) / 1_000_000;
            requireFinished(c, seed, run);
            PcapFlow flow = PcapFlow.read(run.receiverPcap());
            if (pending != null) {
                out.add(pending.finish());
            }
            Path json = dir.resolve("pcapcheck.json");
            pending = new Pending(seed, judge.start(run.receiverPcap(), json), json, run.receiverPcap(), flow, wallMs,
                    run.summary().lossDrops());
        }
        if (pending != null) {
            out.add(pending.finish());
        }
        return new ConditionResult(c, reference(c, refDir), List.copyOf(out));
    }

    private static void requireFinished(LinuxCondition c, long seed, SeedRun run) throws IOException {
        if (!run.summary().status().valid()) {
            throw new IOException(c.name() + " seed " + seed + ": run ended " + run.summary().status().jsonName());
        }
        for (ConnectionReport conn : run.summary().connections()) {
            if (!conn.finished()) {
                throw new IOException(c.name() + " seed " + seed + ": " + conn.id() + " did not finish");
            }
        }
    }

    /** A seed whose pcapcheck is still running. */
    private record Pending(long seed, Process process, Path json, Path pcap, PcapFlow flow, long wallMs,
                           long lossDrops) {
        Figures finish() throws IOException, InterruptedException {
            PcapCheck.Judged j = PcapCheck.await(process, json);
            Files.deleteIfExists(pcap);
            return new Figures(seed, j, flow, wallMs, lossDrops);
        }
    }
}
