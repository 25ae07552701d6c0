package org.toesim.scenario.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.toesim.scenario.figure.FigureRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.spec.OutputSpec;
import org.toesim.scenario.spec.PlotFormat;

class ResultWriterTest {
    @TempDir
    Path dir;

    static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void summaryJsonHasExactlyTheAgreedFieldNames() throws Exception {
        ResultWriter.write(new RunResult(Fixtures.summary(9.4e9, "00112233aabbccdd"), TimeSeries.empty()),
                new OutputSpec(false, false, 0, List.of()), dir);
        JsonNode s = ResultJson.MAPPER.readTree(dir.resolve("summary.json").toFile());
        assertEquals(List.of("scenario", "seed", "status", "statusReason", "simTimePs", "wallTimeMs", "events",
                "connections", "hosts", "nics", "links", "traceDigest", "latencies", "bottlenecks", "toesim",
                "resolvedScenario"), fields(s));
        assertEquals("completed", s.get("status").asText());
        assertEquals(List.of("id", "from", "to", "bytesDelivered", "bytesExpected", "finished", "goodputBitsPerSec",
                "retransmits", "offloaded", "flushes", "integrity", "waitingFor", "ceReceived", "ecnReductions"),
                fields(s.get("connections").get(0)));
        assertEquals(List.of("name", "cpuUtilization", "cyclesPerByteRx", "cyclesPerByteTx", "qdiscDrops", "cores"),
                fields(s.get("hosts").get(0)));
        assertEquals(List.of("host", "model", "offloads", "offloadsRefused", "offloadsNotPossible", "flushes", "fastPathSegments",
                "slowPathSegments", "pcieUtilizationToHost", "pcieUtilizationToDevice", "card", "rxDrops"), fields(s.get("nics").get(0)));
        assertEquals(List.of("link", "from", "to", "framesIn", "framesDelivered", "lossDrops", "queueDrops",
                "downDrops", "corrupted", "aqm", "ecnMarks", "aqmDrops", "meanQueuedFrames", "meanSojournPs"),
                fields(s.get("links").get(0)));
        assertEquals(9, s.get("links").get(0).get("lossDrops").asLong());
        assertEquals("00112233aabbccdd", s.get("traceDigest").asText());
        assertEquals(Fixtures.summary(9.4e9, "00112233aabbccdd"),
                ResultJson.MAPPER.treeToValue(s, SummaryReport.class), "summary.json reads back equal");
        assertFalse(Files.exists(dir.resolve("timeseries.csv")), "no series, no csv");
    }

    @Test
    void writesCsvPlotsInBothFormatsAndIndex() throws Exception {
        List<String> files = ResultWriter.write(new RunResult(Fixtures.summary(9.4e9, "d"), Fixtures.series()),
                new OutputSpec(false, false, 1_000_000_000L, List.of(PlotFormat.PNG, PlotFormat.SVG)), dir);
        List<String> csv = Files.readAllLines(dir.resolve("timeseries.csv"));
        assertEquals("timePs,w0.c0.cwndBytes,w0.c0.throughputBitsPerSec,a.cpuUtilization,b.cpuUtilization,"
                + "b.pcieUtilizationToHost", csv.get(0));
        assertEquals(21, csv.size());
        assertEquals("1000000000,14600,", csv.get(1).substring(0, 17));
        for (String metric : List.of("cwndBytes", "throughputBitsPerSec", "cpuUtilization", "pcieUtilizationToHost")) {
            Path png = dir.resolve("plot-" + metric + ".png");
            byte[] head = Arrays8.head(png);
            assertEquals((byte) 0x89, head[0], png + " is a PNG");
            assertEquals('P', head[1]);
            String svg = Files.readString(dir.resolve("plot-" + metric + ".svg"));
            assertTrue(svg.contains("<svg") && svg.trim().endsWith("</svg>"), metric);
            assertTrue(files.contains("plot-" + metric + ".svg"));
        }
        String cpu = Files.readString(dir.resolve("plot-cpuUtilization.svg"));
        // one line per host, in the palette's first two colours (the PNG is the same drawing)
        assertTrue(cpu.contains(">a</text>") && cpu.contains(">b</text>"), "legend names both hosts");
        assertTrue(cpu.contains("stroke:rgb(0,114,178)") && cpu.contains("stroke:rgb(213,94,0)"), "Okabe-Ito colours");
        assertTrue(cpu.contains(">simulated time (ms)</text>"), "time axis in ms for a 20 ms series");
        assertEquals(cpu, FigureRenderer.svg(TimeSeriesFigures.of(Fixtures.series()).get(2)), "same series, same file");
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("<td>w0.c0</td>") && html.contains("9.400 Gb/s"), html);
        assertTrue(html.contains("src=\"plot-cwndBytes.svg\""), "index shows the plots");
        assertTrue(html.contains("<td>toe</td>"));
    }

    @Test
    void latenciesGiveACsvOfEverySampleAFigureAndTidyScalars() throws Exception {
        double[] ps = {150e6, 140e6, 145e6, 900e6};
        LatencySamples rr = new LatencySamples("w1.c0", "request", ps);
        SummaryReport base = Fixtures.summary(9.4e9, "d");
        SummaryReport s = new SummaryReport(base.scenario(), base.seed(), base.status(), null, base.simTimePs(),
                base.wallTimeMs(), base.events(), base.connections(), base.hosts(), base.nics(), base.links(),
                base.traceDigest(), List.of(LatencyReport.of(rr)), List.of(), BuildInfo.CURRENT, null);
        List<String> files = ResultWriter.write(new RunResult(s, TimeSeries.empty()).with(List.of(rr), List.of()),
                new OutputSpec(false, false, 0, List.of(PlotFormat.SVG)), dir);
        assertTrue(files.containsAll(List.of("latency.csv", "plot-latency-cdf.svg", "plot-latency-hist-w1_c0.svg",
                "scalars.csv")), files.toString());
        List<String> csv = Files.readAllLines(dir.resolve("latency.csv"));
        assertEquals(List.of("connection,kind,index,latencyPs", "w1.c0,request,0,150000000", "w1.c0,request,1,140000000",
                "w1.c0,request,2,145000000", "w1.c0,request,3,900000000"), csv, "every sample in completion order");
        LatencyReport l = s.latencies().get(0);
        assertEquals(140e6, l.minPs());
        assertEquals(147.5e6, l.p50Ps(), 1e-6, "Commons Math's default estimator");
        assertEquals(900e6, l.maxPs());
        List<String> scalars = Files.readAllLines(dir.resolve("scalars.csv"));
        assertEquals("section,subject,metric,value", scalars.get(0));
        assertTrue(scalars.contains("latencies,w1.c0,maxPs,900000000"), scalars.toString());
        assertTrue(scalars.contains("connections,w0.c0,goodputBitsPerSec,9400000000"), scalars.toString());
        for (String row : scalars.subList(1, scalars.size())) {
            Double.parseDouble(row.substring(row.lastIndexOf(',') + 1)); // every value is a number
        }
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("<h2>Latency</h2>") && html.contains("<td>900.000 us</td>"), "latency table, readable");
    }

    @Test
    void atomicDirectoryIsAllOrNothing() throws Exception {
        Path target = dir.resolve("out");
        AtomicOutputDirectory.write(target, tmp -> {
            Files.writeString(tmp.resolve("a.txt"), "first");
            return null;
        });
        assertEquals("first", Files.readString(target.resolve("a.txt")));
        assertThrows(IOException.class, () -> AtomicOutputDirectory.write(target, tmp -> {
            Files.writeString(tmp.resolve("a.txt"), "half");
            throw new IOException("disk full");
        }));
        assertEquals("first", Files.readString(target.resolve("a.txt")), "failed run leaves the old results");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList(), "no temp directories left behind");
        }
        AtomicOutputDirectory.write(target, tmp -> {
            Files.writeString(tmp.resolve("b.txt"), "second");
            return null;
        });
        assertFalse(Files.exists(target.resolve("a.txt")), "a new run replaces the directory");
        assertTrue(Files.exists(target.resolve("b.txt")));
    }

    @Test
    void timeSeriesRejectsBadRows() {
        TimeSeries ts = new TimeSeries(10, List.of("x.a"));
        ts.addRow(10, 1.0);
        assertThrows(IllegalArgumentException.class, () -> ts.addRow(10, 2.0), "time must increase");
        assertThrows(IllegalArgumentException.class, () -> ts.addRow(20, 1.0, 2.0), "row width");
        for (int i = 2; i < 200; i++) {
            ts.addRow(i * 10L, i);
        }
        assertEquals(199, ts.rows());
        assertEquals(150.0, ts.value(0, 149));
    }

    /** Reads a file's first bytes. */
    static final class Arrays8 {
        static byte[] head(Path p) throws IOException {
            byte[] all = Files.readAllBytes(p);
            assertTrue(all.length > 1000, p + " has " + all.length + " bytes");
            return all;
        }
    }
}
