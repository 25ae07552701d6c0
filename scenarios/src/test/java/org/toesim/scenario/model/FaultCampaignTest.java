package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;

/**
 * Fault campaigns with real bytes (issue 9): each campaign runs one scenario shape over 100
 * seeds, with the fault's instant, duration and strength drawn from a {@link SplittableRandom}
 * seeded by the run's seed (so every run is reproducible from its seed alone), and checks that
 * every connection delivered all its bytes, in order and intact ({@code integrity} "ok" and
 * {@code bytesDelivered == size}). A run that stops short fails the campaign naming the seed, the
 * connection and how far it got: no silent short delivery passes.
 *
 * <p>Transfers are small (64 KiB per connection) so the whole class stays within a couple
 * of minutes on a busy 2-core machine; the stop limit is generous (20 s simulated), so only a
 * real stall, not a slow recovery, ends a run short.
 */
class FaultCampaignTest {
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);
    private static final int SEEDS = 100;
    private static long runs;
    private static long seedsRun;
    private static long bytesChecked;
    private static long connectionsChecked;

    private static final String TOE_RX = """
            {"name": "b", "nic": {"model": "toe"%s}, "offload": %s}""";

    /** A two-host bulk scenario: {@code conns} connections of {@code size} a -&gt; b over link l1. */
    private static String bulk(long seed, String aHost, String bHost, int conns, String size, String impairments,
                               String faults, String tcp) {
        return """
                {"name": "campaign", "seed": %d,
                 "stop": {"until": "workloadsDone", "limit": "20s"},
                 "hosts": [%s, %s],
                 "links": [{"name": "l1", "between": ["a", "b"], "rate": "10Gbps", "delay": "2us"%s}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "%s", "connections": %d,
                                "tcp": {"realBytes": true%s}}],
                 "faults": [%s]}
                """.formatted(seed, aHost, bHost, impairments, size, conns, tcp, faults);
    }

    private static String us(SplittableRandom r, int lo, int hi) {
        return (lo + r.nextInt(hi - lo)) + "us";
    }

    /** Runs {@code SEEDS} seeds of {@code scenario(seed, random)}; fails listing every short or corrupt run. */
    private static void campaign(String name, BiFunction<Long, SplittableRandom, String> scenario) throws Exception {
        List<String> failures = new ArrayList<>();
        long bytes = 0;
        int disturbed = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode());
            String json = scenario.apply(seed, r);
            SummaryReport s = new ModelExecutor().execute(Scenarios.parse(json), NO_FILES).summary();
            runs++;
            if (s.connections().stream().anyMatch(c -> c.retransmits() > 0)) {
                disturbed++; // the fault hit a transfer in progress (coverage, logged)
            }
            for (ConnectionReport c : s.connections()) {
                connectionsChecked++;
                long expected = expectedBytes(json);
                bytes += c.bytesDelivered();
                if (c.bytesDelivered() != expected || !ConnectionReport.INTEGRITY_OK.equals(c.integrity())) {
                    failures.add("seed " + seed + " " + c.id() + ": " + c.bytesDelivered() + " of " + expected
                            + " B, integrity " + c.integrity() + ", sim " + s.simTimePs() / 1_000_000 + " us");
                }
            }
        }
        seedsRun += SEEDS;
        bytesChecked += bytes;
        System.out.printf("campaign %s: %d runs, %d with retransmissions, %d bytes checked, %d failures%n", name,
                SEEDS, disturbed, bytes, failures.size());
        assertTrue(failures.isEmpty(), name + ": " + failures.size() + " short or corrupt runs:\n"
                + String.join("\n", failures));
    }

    private static long expectedBytes(String json) {
        int i = json.indexOf("\"size\": \"") + 9;
        String v = json.substring(i, json.indexOf('"', i));
        return Long.parseLong(v.replace("KiB", "")) * 1024;
    }

    @AfterAll
    static void figures() {
        System.out.printf("fault campaigns: %d runs, %d seeds, %d connections, %d bytes checked%n", runs, seedsRun,
                connectionsChecked, bytesChecked);
    }

    @Test
    void cardResetAtARandomInstant() throws Exception {
        campaign("cardReset", (seed, r) -> bulk(seed, "{\"name\": \"a\"}", TOE_RX.formatted("", "\"always\""), 2,
                "64KiB", "", "{\"type\": \"cardReset\", \"at\": \"" + us(r, 150, 550) + "\", \"host\": \"b\"}", ""));
    }

    @Test
    void linkDownAndUpAtRandomInstants() throws Exception {
        campaign("linkDownUp", (seed, r) -> {
            int down = 150 + r.nextInt(400);
            int up = down + 1 + r.nextInt(3000);
            return bulk(seed, "{\"name\": \"a\"}", TOE_RX.formatted("", "\"always\""), 2, "64KiB", "",
                    "{\"type\": \"linkDown\", \"at\": \"" + down + "us\", \"link\": \"l1\"},"
                            + "{\"type\": \"linkUp\", \"at\": \"" + up + "us\", \"link\": \"l1\"}", "");
        });
    }

    @Test
    void lossBurstsAtRandomInstants() throws Exception {
        campaign("lossBurst", (seed, r) -> bulk(seed, "{\"name\": \"a\"}", TOE_RX.formatted("", "\"always\""), 2,
                "64KiB", "", "{\"type\": \"lossBurst\", \"at\": \"" + us(r, 150, 550) + "\", \"link\": \"l1\", "
                        + "\"duration\": \"" + us(r, 10, 500) + "\", \"loss\": " + (0.2 + 0.8 * r.nextDouble()) + "}",
                ""));
    }

    @Test
    void heavyReorderDuplicationCorruptionAndABurst() throws Exception {
        // the issue's shape: loss 1 %, reorder 20 % / 5 us, duplicate 5 %, corrupt 1 %, a 50 % loss burst
        campaign("impairments", (seed, r) -> bulk(seed, "{\"name\": \"a\"}", TOE_RX.formatted("", "\"always\""), 2,
                "64KiB", ", \"impairments\": {\"loss\": 0.01, \"reorder\": {\"probability\": 0.2, \"delay\": \"5us\"},"
                        + " \"duplicate\": 0.05, \"corrupt\": 0.01}",
                "{\"type\": \"lossBurst\", \"at\": \"" + us(r, 150, 550) + "\", \"link\": \"l1\", \"duration\": \"300us\","
                        + " \"loss\": 0.5}", ", \"minRto\": \"2ms\""));
    }

    @Test
    void ccbTableSmallerThanTheConnectionCount() throws Exception {
        campaign("smallCcbTable", (seed, r) -> bulk(seed, "{\"name\": \"a\"}",
                TOE_RX.formatted(", \"ccbCapacity\": " + (1 + r.nextInt(2)), "\"always\""), 3, "64KiB", "",
                r.nextBoolean() ? "" : "{\"type\": \"cardReset\", \"at\": \"" + us(r, 150, 550) + "\", \"host\": \"b\"}",
                ""));
    }

    @Test
    void offloadAtRandomPointsOnBothEndsThenAResetOrALossBurst() throws Exception {
        // both ends TOE; the offload happens after a random number of bytes or a random time (mid-stream,
        // or before the first byte), the flush by a card reset or by the close (FIN states)
        campaign("offloadPoints", (seed, r) -> {
            String policy = r.nextBoolean() ? "{\"afterBytes\": \"" + r.nextInt(64) + "KiB\"}"
                    : "{\"afterTime\": \"" + us(r, 1, 400) + "\"}";
            String host = r.nextBoolean() ? "a" : "b";
            String fault = switch (r.nextInt(3)) {
                case 0 -> "{\"type\": \"cardReset\", \"at\": \"" + us(r, 150, 550) + "\", \"host\": \"" + host + "\"}";
                case 1 -> "{\"type\": \"lossBurst\", \"at\": \"" + us(r, 150, 550) + "\", \"link\": \"l1\", "
                        + "\"duration\": \"" + us(r, 10, 300) + "\", \"loss\": 0.5}";
                default -> "";
            };
            return bulk(seed, "{\"name\": \"a\", \"nic\": {\"model\": \"toe\"}, \"offload\": " + policy + "}",
                    TOE_RX.formatted("", policy), 1 + r.nextInt(2), "64KiB", "", fault, "");
        });
    }

    /**
     * Issue 9's report at a quarter of its size: two 1 MiB connections into a TOE host with the
     * impairments and the 50 % / 300 us burst, stop limit 1 s. Connections used to idle for
     * whole retransmission timeouts after a lost retransmission (SACK recovery resent nothing
     * until the RTO) and ended at the limit a multiple of 64 KiB short; every seed must now
     * deliver everything within the limit.
     */
    @Test
    void issueShapeDeliversEverythingWithinTheLimit() throws Exception {
        List<String> shortRuns = new ArrayList<>();
        for (long seed = 1; seed <= 10; seed++) {
            String json = bulk(seed, "{\"name\": \"a\"}", TOE_RX.formatted("", "\"always\""), 2, "1024KiB",
                    ", \"impairments\": {\"loss\": 0.01, \"reorder\": {\"probability\": 0.2, \"delay\": \"5us\"},"
                            + " \"duplicate\": 0.05, \"corrupt\": 0.01}",
                    "{\"type\": \"lossBurst\", \"at\": \"1ms\", \"link\": \"l1\", \"duration\": \"300us\","
                            + " \"loss\": 0.5}", "").replace("\"limit\": \"20s\"", "\"limit\": \"1s\"");
            SummaryReport s = new ModelExecutor().execute(Scenarios.parse(json), NO_FILES).summary();
            for (ConnectionReport c : s.connections()) {
                if (c.bytesDelivered() != 1 << 20 || !ConnectionReport.INTEGRITY_OK.equals(c.integrity())) {
                    shortRuns.add("seed " + seed + " " + c.id() + ": " + c.bytesDelivered() + " B, " + c.integrity());
                }
            }
        }
        assertTrue(shortRuns.isEmpty(), String.join("\n", shortRuns));
    }

    @Test
    void expectedBytesParsesTheSize() {
        assertEquals(64 * 1024, expectedBytes(bulk(1, "{}", "{}", 1, "64KiB", "", "", "")));
    }
}
