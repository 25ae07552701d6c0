package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.TestFiles;
import org.toesim.scenario.result.ResultMarker;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.result.SweepDirectory;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.run.ScenarioExecutors;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.Scenario;

/** sweep: the same runs.csv whatever --jobs, and --resume after an interruption. */
class SweepCommandTest {
    @TempDir
    Path dir;
    Path bulk;
    StringWriter out;
    StringWriter err;
    private final InProcessCli cli = new InProcessCli();

    @BeforeEach
    void files() throws Exception {
        bulk = TestFiles.copy("scenarios/bulk-toe.json", dir);
    }

    int toesim(ScenarioExecutor model, String... args) {
        int code = cli.run(model, args);
        out = cli.out;
        err = cli.err;
        return code;
    }

    /** The model, failing from its {@code okCalls + 1}-th call on: an interrupted sweep. */
    static final class InterruptedAfter implements ScenarioExecutor {
        final HandBuiltExecutor inner = new HandBuiltExecutor(false);
        final AtomicInteger calls = new AtomicInteger();
        final int okCalls;

        InterruptedAfter(int okCalls) {
            this.okCalls = okCalls;
        }

        @Override
        public RunResult execute(Scenario s, RunContext ctx) throws SimulationException {
            if (calls.incrementAndGet() > okCalls) {
                throw new SimulationException("interrupted");
            }
            return inner.execute(s, ctx);
        }
    }

    private String[] sweep(Path outDir, String... extra) {
        return sweep("8,64,512", outDir, extra);
    }

    private String[] sweep(String capacities, Path outDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", bulk.toString(), "--quiet",
                "--param", "hosts[1].nic.ccbCapacity=" + capacities, "--replications", "3", "--out", outDir.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void runsCsvIsTheSameWhateverJobs() throws Exception {
        Path scenario = TestFiles.write(dir, "small.json", """
                {"name": "small", "seed": 3, "hosts": [{"name": "a"}, {"name": "b"}],
                 "links": [{"between": ["a", "b"], "rate": "10Gbps", "delay": "2us"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "256KiB"}],
                 "outputs": {"timeSeries": "0s", "plots": []}}
                """);
        ScenarioExecutor model = ScenarioExecutors.find().orElseThrow();
        List<String> csv = new ArrayList<>();
        for (String jobs : List.of("1", "3")) {
            Path o = dir.resolve("jobs" + jobs);
            assertEquals(0, toesim(model, "sweep", scenario.toString(), "--quiet", "--jobs", jobs,
                    "--param", "links[0].delay=2us,20us", "--replications", "3", "--out", o.toString()), err.toString());
            csv.add(Files.readString(o.resolve("runs.csv")) + Files.readString(o.resolve("summary.csv")));
        }
        assertEquals(csv.get(0), csv.get(1));
        List<String> rows = csv.get(0).lines().toList();
        assertTrue(rows.get(1).startsWith("0,0,3,completed,2us,") && rows.get(6).startsWith("1,2,5,completed,20us,"), csv.get(0));
    }

    /** Every file of a sweep directory but the journal (which is in completion order), by name. */
    static java.util.Map<String, byte[]> files(Path sweepDir) throws Exception {
        java.util.Map<String, byte[]> out = new java.util.TreeMap<>();
        try (var list = Files.list(sweepDir)) {
            for (Path f : (Iterable<Path>) list::iterator) {
                String name = f.getFileName().toString();
                if (!name.equals(SweepDirectory.JOURNAL_FILE)) {
                    out.put(name, Files.readAllBytes(f));
                }
            }
        }
        return out;
    }

    @Test
    void thePageLinksItsFiguresShowsItsWarningsAndIsTheSameWhateverJobs() throws Exception {
        Path scenario = TestFiles.write(dir, "page.json", """
                {"name": "page", "seed": 3, "hosts": [{"name": "a"}, {"name": "b"}],
                 "links": [{"between": ["a", "b"], "rate": "10Gbps", "delay": "2us"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "256KiB"}],
                 "outputs": {"timeSeries": "0s", "plots": []}}
                """);
        ScenarioExecutor model = ScenarioExecutors.find().orElseThrow();
        List<java.util.Map<String, byte[]>> sweeps = new ArrayList<>();
        for (String jobs : List.of("1", "2")) {
            Path o = dir.resolve("page" + jobs);
            assertEquals(0, toesim(model, "sweep", scenario.toString(), "--quiet", "--jobs", jobs,
                    "--param", "links[0].delay=2us,20us", "--replications", "2", "--out", o.toString()), err.toString());
            String n2 = "every point (2): n = 2: the 95 % interval rests on 2 runs (t = 12.71): unreliable; "
                    + "run 3 or more replications";
            assertTrue(err.toString().contains("warning: " + n2 + "\n"), err.toString());
            assertTrue(Files.readString(o.resolve(SweepDirectory.WARNINGS_FILE)).startsWith(n2 + "\n"));
            String html = Files.readString(o.resolve("index.html"));
            assertTrue(html.contains("<li class=\"warning\">" + n2 + "</li>"), "the page shows the warning");
            java.util.regex.Matcher links = java.util.regex.Pattern.compile("(?:src|href)=\"([^\"#][^\"]*)\"").matcher(html);
            int images = 0;
            while (links.find()) {
                assertTrue(Files.isRegularFile(o.resolve(links.group(1))), "index.html links " + links.group(1));
                images += links.group(1).endsWith(".svg") ? 1 : 0;
            }
            assertTrue(html.contains("<img src=\"sweep-goodputBitsPerSec_total-vs-links_0__delay.svg\""), html);
            try (var list = Files.list(o)) {
                List<String> svgs = list.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".svg")).toList();
                assertEquals(svgs.size(), images, "the page shows every figure: " + svgs);
                for (String svg : svgs) {
                    assertTrue(Files.size(o.resolve(svg.replace(".svg", ".png"))) > 1000, "PNG beside " + svg);
                }
            }
            List<String> runs = Files.readAllLines(o.resolve("runs.csv"));
            assertTrue(runs.get(0).startsWith("point,replication,seed,status,links[0].delay,links[0].delayPs,"));
            assertTrue(runs.get(3).startsWith("1,0,3,completed,20us,20000000,"), runs.get(3));
            sweeps.add(files(o));
        }
        assertEquals(sweeps.get(0).keySet(), sweeps.get(1).keySet());
        for (String f : sweeps.get(0).keySet()) {
            assertArrayEquals(sweeps.get(0).get(f), sweeps.get(1).get(f), f + " differs between --jobs 1 and 2");
        }
    }

    @Test
    void replicationsHaveANonZeroIntervalWithVariationOnAndNoneWithItOff() throws Exception {
        Path scenario = TestFiles.write(dir, "nolossbulk.json", """
                {"name": "nolossbulk", "hosts": [{"name": "a"}, {"name": "b"}],
                 "links": [{"between": ["a", "b"], "rate": "10Gbps", "delay": "2us"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "4MiB"}],
                 "outputs": {"timeSeries": "0s", "plots": []}}
                """);
        Path o = dir.resolve("variation");
        assertEquals(0, toesim(ScenarioExecutors.find().orElseThrow(), "sweep", scenario.toString(), "--quiet",
                "--jobs", "2", "--param", "variation=off,testbed", "--replications", "5", "--out", o.toString()),
                err.toString());
        double[] offRow = null;
        double[] onRow = null;
        for (String line : Files.readAllLines(o.resolve("summary.csv"))) {
            String[] f = line.split(",");
            if (f[2].equals("goodputBitsPerSec.total")) {
                double[] row = {Double.parseDouble(f[4]), Double.parseDouble(f[8])}; // mean, halfWidth
                if (f[1].equals("off")) {
                    offRow = row;
                } else {
                    onRow = row;
                }
            }
        }
        assertEquals(0.0, offRow[1], "off: five seeds, one goodput");
        // measured: 6.403 Gbit/s +- 13.4 Mbit/s (95 %, n = 5), i.e. +-0.21 %; off: 6.428 Gbit/s +- 0
        assertTrue(onRow[1] > 0.0005 * onRow[0] && onRow[1] < 0.1 * onRow[0], "half-width " + onRow[1]);
    }

    @Test
    void resumeSkipsFinishedRunsAndEndsWithTheSameFiles() throws Exception {
        Path straight = dir.resolve("straight");
        assertEquals(0, toesim(new HandBuiltExecutor(false), sweep(straight, "--jobs", "2")));

        Path resumed = dir.resolve("resumed");
        InterruptedAfter broken = new InterruptedAfter(4);
        assertEquals(1, toesim(broken, sweep(resumed, "--jobs", "1")));
        assertEquals(4, Files.readAllLines(resumed.resolve(SweepDirectory.JOURNAL_FILE)).size(), "4 runs journaled");
        assertFalse(Files.exists(resumed.resolve("runs.csv")), "no runs.csv for an unfinished sweep");
        assertTrue(ResultMarker.isPresent(resumed));

        HandBuiltExecutor model = new HandBuiltExecutor(false);
        assertEquals(0, toesim(model, sweep(resumed, "--jobs", "2", "--resume")), err.toString());
        assertEquals(9 - 4, model.calls.get(), "finished runs skipped");
        java.util.Map<String, byte[]> straightFiles = files(straight);
        java.util.Map<String, byte[]> resumedFiles = files(resumed);
        assertEquals(straightFiles.keySet(), resumedFiles.keySet());
        assertTrue(straightFiles.keySet().containsAll(List.of("runs.csv", "summary.csv", "index.html", "warnings.txt")));
        for (String f : straightFiles.keySet()) {
            assertArrayEquals(straightFiles.get(f), resumedFiles.get(f), f);
        }
        assertEquals(0, toesim(model, sweep(resumed, "--resume")));
        assertEquals(5, model.calls.get(), "a finished sweep resumes with no run");
        assertEquals(Files.readString(straight.resolve("runs.csv")), Files.readString(resumed.resolve("runs.csv")));
    }

    @Test
    void aJournalLineCutOffByAKillIsRunAgain() throws Exception {
        Path o = dir.resolve("s");
        assertEquals(1, toesim(new InterruptedAfter(3), sweep(o, "--jobs", "1")));
        Path journal = o.resolve(SweepDirectory.JOURNAL_FILE);
        String text = Files.readString(journal);
        Files.writeString(journal, text.substring(0, text.length() - 20));
        HandBuiltExecutor model = new HandBuiltExecutor(false);
        assertEquals(0, toesim(model, sweep(o, "--resume")), err.toString());
        assertEquals(9 - 2, model.calls.get());
        assertEquals(9, Files.readAllLines(journal).size());
        assertEquals(10, Files.readAllLines(o.resolve("runs.csv")).size());
    }

    @Test
    void resumeRefusesADifferentSweep() throws Exception {
        Path o = dir.resolve("s");
        assertEquals(1, toesim(new InterruptedAfter(2), sweep(o, "--jobs", "1")));
        String journal = Files.readString(o.resolve(SweepDirectory.JOURNAL_FILE));
        HandBuiltExecutor model = new HandBuiltExecutor(false);
        for (String[] other : List.of(new String[] {"--resume", "--seed", "100"},
                new String[] {"--resume", "--set", "hosts[0].cores=2"})) {
            assertEquals(2, toesim(model, sweep(o, other)), String.join(" ", other));
            String msg = err.toString().trim();
            assertEquals(1, msg.lines().count(), msg);
            assertTrue(msg.contains("is a different sweep"), msg);
        }
        assertEquals(0, model.calls.get());
        assertEquals(journal, Files.readString(o.resolve(SweepDirectory.JOURNAL_FILE)), "journal untouched");
        assertEquals(2, toesim(model, sweep("8,64", o, "--resume")));
        assertTrue(err.toString().contains("(params differs)"), err.toString());
    }

    @Test
    void sweepNeverTouchesWhatIsNotAToesimResult() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "precious");
        HandBuiltExecutor model = new HandBuiltExecutor(false);
        assertEquals(2, toesim(model, sweep(mine)));
        assertEquals(2, toesim(model, sweep(mine, "--resume")));
        assertEquals(0, model.calls.get());
        assertEquals(List.of("notes.txt"), Files.list(mine).map(p -> p.getFileName().toString()).toList());
    }
}
