package org.toesim.scenario.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Values given with --set are parsed as strictly as values in files. */
class OverridesStrictTest {
    static final String MINIMAL = """
            {"hosts": [{"name": "a"}, {"name": "b"}],
             "workloads": [{"type": "bulk", "from": "a", "to": "b"}]}""";

    static Scenario bind(String... sets) throws ScenarioException {
        return ScenarioDocument.parse(MINIMAL, "o.json", ScenarioDocument.Syntax.JSON).withOverrides(List.of(sets)).bind();
    }

    static Problem problem(String set) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> bind(set));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    static long size(Scenario s) {
        return ((BulkWorkload) s.workloads().get(0)).sizeBytes();
    }

    @Test
    void aSizeWithASpaceIsTheWholeSizeNotItsFirstNumber() throws Exception {
        assertEquals(64L << 20, size(bind("workloads[0].size=64 MiB")));
        assertEquals(64L << 20, size(bind("workloads[0].size=64MiB")));
        assertEquals(64, size(bind("workloads[0].size=64")));
    }

    @Test
    void trailingTextIsAnErrorNamingTheSet() {
        Problem p = problem("workloads[0].size=64 MiB x");
        assertEquals("--set workloads[0].size=64 MiB x", p.source());
        assertEquals("workloads[0].size", p.path());
        assertTrue(p.format().contains("'64 MiB x' is not a size"), p.format());

        p = problem("hosts[0].cores=4 cores");
        assertEquals("hosts[0].cores", p.path());
        assertTrue(p.format().contains("found the string \"4 cores\""), p.format());

        p = problem("workloads[0].size=64 Mib");
        assertTrue(p.format().contains("unknown size unit 'Mib'") && p.format().contains("did you mean"), p.format());
    }

    @Test
    void aValueIsTheSameErrorFromTheCommandLineAsInAFile() throws Exception {
        String inFile = MINIMAL.replace("\"to\": \"b\"}", "\"to\": \"b\", \"size\": \"64 MiB x\"}");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioDocument.parse(inFile, "o.json", ScenarioDocument.Syntax.JSON).bind());
        Problem fromFile = e.problems().get(0);
        Problem fromSet = problem("workloads[0].size=64 MiB x");
        assertEquals(fromFile.message(), fromSet.message());
        assertEquals(fromFile.expected(), fromSet.expected());
    }

    @Test
    void hugeExponentsAreRejectedAtOnce() {
        assertTrue(problem("workloads[0].size=1e999999999B").format().contains("too large"));
        assertTrue(problem("workloads[0].size=1e-999999999B").format().contains("not a whole number"));
        assertTrue(problem("stop.limit=1e99999999999s").format().contains("stop.limit"));
    }
}
