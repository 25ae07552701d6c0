package org.toesim.scenario.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sweep's output directory, filled as runs finish so that an interrupted sweep can resume.
 *
 * <pre>
 *   OUT/.toesim-result     marker (kind: sweep)
 *   OUT/sweep-plan.json    what is swept: the scenario (after --set), params, replications, seed
 *   OUT/runs.jsonl         one line per finished run, appended and flushed as it finishes
 *   OUT/runs.csv, summary.csv, warnings.txt, sweep-*.svg|png, index.html
 *                          written (each replaced by a rename) once every run is in
 *
 *   fresh:   AtomicOutputDirectory(OUT: marker, plan, empty journal)   previous sweep replaced
 *   resume:  OUT marked, plan equal --else--&gt; OutputLocationException; journal rows = finished runs
 * </pre>
 *
 * The journal's rows are exactly what runs.csv is made of (doubles round-trip through JSON
 * exactly), so a resumed sweep writes the same runs.csv and summary.csv as one run straight
 * through.
 */
public final class SweepDirectory implements AutoCloseable {
    /** The sweep's identity, compared on resume. */
    public static final String PLAN_FILE = "sweep-plan.json";
    /** Finished runs, in completion order. */
    public static final String JOURNAL_FILE = "runs.jsonl";
    /** The sweep's warnings, one line each (also on stderr and index.html). */
    public static final String WARNINGS_FILE = "warnings.txt";
    private static final Logger LOG = LoggerFactory.getLogger(SweepDirectory.class);
    private static final ObjectWriter LINE = ResultJson.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final List<SweepResults.RunRow> finished;
    private final BufferedWriter journal;

    private SweepDirectory(Path dir, List<SweepResults.RunRow> finished) throws IOException {
        this.dir = dir;
        this.finished = List.copyOf(finished);
        this.journal = Files.newBufferedWriter(dir.resolve(JOURNAL_FILE), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A fresh sweep directory at {@code target} (replacing a previous ToeSim result there). */
    public static SweepDirectory create(Path target, Object plan) throws Exception {
        String planJson = ResultJson.MAPPER.writeValueAsString(plan);
        AtomicOutputDirectory.write(target, "sweep", tmp -> {
            Files.writeString(tmp.resolve(PLAN_FILE), planJson, StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve(JOURNAL_FILE), "", StandardCharsets.UTF_8);
            return null;
        });
        return new SweepDirectory(AtomicOutputDirectory.checkTarget(target), List.of());
    }

    /**
     * Reopens the sweep at {@code target} to add the runs it lacks.
     *
     * @param runs every run of the sweep, to check the journal's rows against
     * @throws OutputLocationException when {@code target} is not the same sweep
     */
    public static SweepDirectory resume(Path target, Object plan, List<SweepPlan.Run> runs)
            throws OutputLocationException, IOException {
        Path dir = AtomicOutputDirectory.checkTarget(target);
        Path planFile = dir.resolve(PLAN_FILE);
        if (!ResultMarker.isPresent(dir) || !Files.isRegularFile(planFile)) {
            throw new OutputLocationException(target + ": not a ToeSim sweep directory (no " + PLAN_FILE
                    + "); nothing to resume");
        }
        JsonNode stored;
        try {
            stored = ResultJson.MAPPER.readTree(planFile.toFile());
        } catch (JsonProcessingException e) {
            throw new OutputLocationException(planFile + ": unreadable (" + e.getOriginalMessage() + ")");
        }
        String differs = firstDifference(stored, ResultJson.MAPPER.readTree(ResultJson.MAPPER.writeValueAsString(plan)));
        if (differs != null) {
            throw new OutputLocationException(target + ": is a different sweep (" + differs + " differs); "
                    + "run without --resume to start it over, or give another --out");
        }
        removeStale(dir);
        List<SweepResults.RunRow> rows = readJournal(dir.resolve(JOURNAL_FILE), runs);
        rewriteJournal(dir, rows);
        return new SweepDirectory(dir, rows);
    }

    /** Temporaries a killed sweep left inside its directory (journal rewrite, csv swap). */
    private static void removeStale(Path dir) throws IOException {
        for (Path p : TempNames.stale(dir, "")) {
            AtomicOutputDirectory.deleteQuietly(p);
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                long pid = TempNames.pidOf(f.getFileName().toString(), JOURNAL_FILE);
                if (pid > 0 && !TempNames.alive(pid) && Files.isRegularFile(f)) {
                    Files.delete(f);
                }
            }
        }
    }

    private static String firstDifference(JsonNode stored, JsonNode now) {
        if (stored.equals(now)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        now.fieldNames().forEachRemaining(names::add);
        for (String n : names) {
            if (!now.get(n).equals(stored.get(n))) {
                return n;
            }
        }
        return "the plan";
    }

    /**
     * The journal's rows, each checked against the plan. A last line without its newline is
     * a write cut off by a kill and is dropped; any other bad line is an error.
     */
    private static List<SweepResults.RunRow> readJournal(Path file, List<SweepPlan.Run> runs)
            throws OutputLocationException, IOException {
        Map<String, SweepPlan.Run> byKey = new LinkedHashMap<>();
        runs.forEach(r -> byKey.put(r.point() + "/" + r.replication(), r));
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String[] lines = text.split("\n", -1);
        Map<String, SweepResults.RunRow> rows = new LinkedHashMap<>();
        for (int i = 0; i < lines.length - 1; i++) {
            SweepResults.RunRow row;
            try {
                row = ResultJson.MAPPER.readValue(lines[i], SweepResults.RunRow.class);
            } catch (JsonProcessingException e) {
                throw new OutputLocationException(file + ":" + (i + 1) + ": not a finished run ("
                        + e.getOriginalMessage() + ")");
            }
            String key = row.run().point() + "/" + row.run().replication();
            if (!row.run().equals(byKey.get(key))) {
                throw new OutputLocationException(file + ":" + (i + 1) + ": run " + key + " is not in this sweep");
            }
            rows.putIfAbsent(key, row);
        }
        return new ArrayList<>(rows.values());
    }

    private static void rewriteJournal(Path dir, List<SweepResults.RunRow> rows) throws IOException {
        StringBuilder b = new StringBuilder();
        for (SweepResults.RunRow r : rows) {
            b.append(LINE.writeValueAsString(r)).append('\n');
        }
        Path tmp = dir.resolve("." + JOURNAL_FILE + ".toesim-tmp-" + ProcessHandle.current().pid());
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(JOURNAL_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The runs already finished (empty for a fresh sweep). */
    public List<SweepResults.RunRow> finished() {
        return finished;
    }

    /** Appends a finished run to the journal, flushed before returning. */
    public synchronized void record(SweepResults.RunRow row) throws IOException {
        journal.write(LINE.writeValueAsString(row));
        journal.write('\n');
        journal.flush();
    }

    /**
     * Writes runs.csv, summary.csv, warnings.txt, the figures and index.html, each replacing the
     * previous one by a rename; index.html last, so the page never links a figure not yet there.
     *
     * @param title    the page's title (the scenario's name)
     * @param warnings from {@link SweepWarnings#of} of {@code results}
     * @param threads  figures drawn in parallel (the sweep's --jobs)
     */
    public void finish(SweepResults results, String title, List<SweepWarning> warnings, int threads)
            throws IOException {
        Path tmp = TempNames.createTemp(dir, "");
        try {
            ResultMarker.write(tmp, "sweep"); // a temporary a kill leaves is then removed by the next sweep
            results.write(tmp);
            Files.writeString(tmp.resolve(WARNINGS_FILE), SweepWarnings.text(warnings), StandardCharsets.UTF_8);
            List<String> files = new ArrayList<>(List.of("runs.csv", "summary.csv", WARNINGS_FILE));
            long t0 = System.nanoTime();
            List<String> page = SweepPage.write(tmp, title, results, warnings, threads);
            LOG.debug("sweep page: {} files in {} ms", page.size(), (System.nanoTime() - t0) / 1_000_000);
            files.addAll(page);
            for (String f : files) {
                Files.move(tmp.resolve(f), dir.resolve(f), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            AtomicOutputDirectory.deleteQuietly(tmp);
        }
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}
