package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.JunitXml;
import org.toesim.scenario.TestFiles;
import org.toesim.scenario.model.ModelExecutor;
import org.toesim.scenario.result.ResultJson;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The CI recipe (docs/ci.md, docs/ci/github-actions.yml, docs/ci/gitlab-ci.yml) does what it
 * says. Each file is parsed as YAML; the shell of its step that runs {@code toesim check} is run
 * by bash, with the file's variables, in a directory laid out as the recipe expects (shipped
 * regression scenarios and baselines under ci/), with a stand-in {@code ./toesim} that records
 * its arguments; each recorded command line is then run in-process through {@link Main}. The
 * recipe must pass on the shipped baselines with a valid JUnit report per scenario and a result
 * directory, and fail (exit 1) with a JUnit failure naming the metric on a wrong baseline.
 */
class CiRecipeTest {
    private static final Path DOCS = Path.of("..", "docs");
    private static final List<String> SCENARIOS = List.of("bulk-toe", "table-full");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;
    private final InProcessCli cli = new InProcessCli();

    @Test
    void theGithubActionsWorkflowChecksAndReports() throws Exception {
        JsonNode wf = YAML.readTree(DOCS.resolve("ci/github-actions.yml").toFile());
        Map<String, String> env = new LinkedHashMap<>(strings(wf.get("env")));
        List<String> scripts = new ArrayList<>();
        for (JsonNode job : iterable(wf.get("jobs"))) {
            env.putAll(strings(job.get("env")));
            for (JsonNode step : job.get("steps")) {
                String run = step.path("run").asText("");
                if (run.contains("toesim check")) {
                    scripts.add(run);
                }
            }
        }
        assertTrue(wf.toString().contains("reports/*.xml") && wf.toString().contains("upload-artifact"),
                "publishes the JUnit reports and keeps the directories");
        checkRecipe(scripts, env);
    }

    @Test
    void theGitlabJobChecksAndReports() throws Exception {
        JsonNode ci = YAML.readTree(DOCS.resolve("ci/gitlab-ci.yml").toFile());
        Map<String, String> env = new LinkedHashMap<>(strings(ci.get("variables")));
        List<String> scripts = new ArrayList<>();
        for (JsonNode job : iterable(ci)) {
            if (!job.has("script")) {
                continue;
            }
            env.putAll(strings(job.get("variables")));
            for (JsonNode line : job.get("script")) {
                if (line.asText().contains("toesim check")) {
                    scripts.add(line.asText());
                }
            }
            assertEquals("reports/*.xml", job.get("artifacts").get("reports").get("junit").asText());
            assertEquals("always", job.get("artifacts").get("when").asText(), "reports kept when the check fails");
        }
        checkRecipe(scripts, env);
    }

    @Test
    void docsCiShowsBothFilesAsTheyAre() throws Exception {
        String doc = Files.readString(DOCS.resolve("ci.md"));
        for (String f : List.of("github-actions.yml", "gitlab-ci.yml")) {
            assertTrue(doc.contains("```yaml\n" + Files.readString(DOCS.resolve("ci").resolve(f)) + "```"),
                    "docs/ci.md shows docs/ci/" + f + " verbatim (copy it in again)");
        }
    }

    /** Runs the recipe's check shell on the shipped scenarios, then the recorded commands in-process. */
    private void checkRecipe(List<String> scripts, Map<String, String> env) throws Exception {
        assertEquals(1, scripts.size(), "one step runs toesim check: " + scripts);
        for (String name : SCENARIOS) {
            Files.writeString(Files.createDirectories(dir.resolve(env.get("SCENARIOS"))).resolve(name + ".json"),
                    TestFiles.text("regression/" + name + ".json"));
            Files.writeString(Files.createDirectories(dir.resolve(env.get("BASELINES"))).resolve(name + ".baseline.json"),
                    TestFiles.text("regression/" + name + ".baseline.json"));
        }
        List<List<String>> calls = shell(scripts.get(0), env);
        assertEquals(SCENARIOS.size(), calls.size(), "one toesim check per scenario: " + calls);
        List<String> suites = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            String name = SCENARIOS.get(i);
            List<String> args = inDir(calls.get(i));
            assertEquals("check", args.get(0));
            assertEquals(0, cli.run(new ModelExecutor(), args.toArray(String[]::new)), cli.out + "\n" + cli.err);
            Document report = JunitXml.parse(Files.readString(dir.resolve("reports").resolve(name + ".xml")));
            assertTrue(JunitXml.problems(report).isEmpty(), JunitXml.problems(report).toString());
            assertTrue(JunitXml.caseNames(report).contains("goodputBitsPerSec.total"));
            suites.add(((Element) report.getElementsByTagName("testsuite").item(0)).getAttribute("name"));
            assertTrue(Files.exists(dir.resolve("results").resolve(name).resolve("summary.json")), "result directory kept");
        }
        assertEquals(SCENARIOS.size(), Set.copyOf(suites).size(), "reports in one directory stay apart: " + suites);

        // a wrong baseline: 5 % more goodput than the model gives
        Path wrong = dir.resolve(env.get("BASELINES")).resolve("bulk-toe.baseline.json");
        ObjectNode b = (ObjectNode) ResultJson.MAPPER.readTree(wrong.toFile());
        ObjectNode metrics = (ObjectNode) b.get("metrics");
        metrics.put("goodputBitsPerSec.total", metrics.get("goodputBitsPerSec.total").doubleValue() * 1.05);
        Files.writeString(wrong, ResultJson.MAPPER.writeValueAsString(b));
        assertEquals(1, cli.run(new ModelExecutor(), inDir(calls.get(0)).toArray(String[]::new)));
        Map<String, Element> failed = JunitXml.problems(JunitXml.parse(Files.readString(
                dir.resolve("reports").resolve("bulk-toe.xml"))));
        assertEquals(List.of("goodputBitsPerSec.total"), List.copyOf(failed.keySet()));
        String message = failed.get("goodputBitsPerSec.total").getAttribute("message");
        assertTrue(message.startsWith("goodputBitsPerSec.total = ") && message.contains("(-4.76%), allowed +-1.00%"),
                message);
        assertTrue(cli.out.toString().contains("FAIL  goodputBitsPerSec.total"), "the CI log shows the table too");
    }

    /** Runs {@code script} as the CI runners do (bash -e) in the test directory; returns toesim's argument lists. */
    private List<List<String>> shell(String script, Map<String, String> env) throws Exception {
        Path calls = Files.createDirectories(dir.resolve(".calls"));
        Path fake = dir.resolve("toesim");
        Files.writeString(fake, "#!/bin/sh\nn=$(ls \"$TOESIM_CALLS\" | wc -l)\n"
                + "printf '%s\\n' \"$@\" > \"$TOESIM_CALLS/$(printf %04d \"$n\")\"\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("TOESIM_CALLS", calls.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script ends");
        assertEquals(0, p.exitValue(), output);
        List<List<String>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(calls)) {
            for (Path f : files.sorted().toList()) {
                out.add(Files.readAllLines(f));
            }
        }
        return out;
    }

    /** The command line with its relative paths taken from the test directory (the job's working directory). */
    private List<String> inDir(List<String> args) {
        List<String> out = new ArrayList<>(args);
        for (int i = 1; i < out.size(); i++) {
            boolean path = i == 1 || List.of("--baseline", "--junit", "--out").contains(out.get(i - 1));
            if (path && !out.get(i).startsWith("-") && !Path.of(out.get(i)).isAbsolute()) {
                out.set(i, dir.resolve(out.get(i)).toString());
            }
        }
        assertFalse(out.stream().anyMatch(a -> a.contains("$")), "every variable was expanded: " + out);
        return out;
    }

    private static Map<String, String> strings(JsonNode map) {
        Map<String, String> m = new LinkedHashMap<>();
        if (map != null) {
            map.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        }
        return m;
    }

    private static Iterable<JsonNode> iterable(JsonNode n) {
        return n::elements;
    }
}
