package org.toesim.scenario.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenarios that cannot finish or fit are refused before they start, with a way out. */
class BudgetTest {
    static final String TWO = """
            {"hosts": [{"name": "a"}, {"name": "b"}],
             "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "1MiB"}]}""";

    static Problem refused(String json, String... sets) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> bind(json, sets));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    static Scenario bind(String json, String... sets) throws ScenarioException {
        return ScenarioDocument.parse(json, "b.json", ScenarioDocument.Syntax.JSON).withOverrides(List.of(sets)).bind();
    }

    static String hosts(int n) {
        StringBuilder sb = new StringBuilder("{\"hosts\": [");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"name\": \"h").append(i).append("\"}");
        }
        sb.append("], \"switches\": [{\"name\": \"sw\"}], \"links\": [");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"between\": [\"h").append(i).append("\", \"sw\"]}");
        }
        return sb.append("]}").toString();
    }

    @Test
    void aPicosecondTimeSeriesIsRefusedNotAnOutOfMemory() {
        Problem p = refused(TWO, "outputs.timeSeries=1ps");
        assertEquals("outputs.timeSeries", p.path());
        assertEquals("--set outputs.timeSeries=1ps", p.source());
        assertTrue(p.format().contains("time-series samples") && p.format().contains("raise outputs.timeSeries"),
                p.format());
        assertTrue(p.format().contains("--set budget.maxMemory=0"), p.format());
    }

    @Test
    void aTransferThatCannotEndBeforeTheLimitIsRefused() {
        Problem p = refused(TWO, "workloads[0].size=" + Long.MAX_VALUE);
        assertEquals("workloads[0].size", p.path());
        assertTrue(p.format().contains("cannot finish before stop.limit 60s"), p.format());
        assertEquals("--set workloads[0].size=" + Long.MAX_VALUE, p.source());
    }

    @Test
    void anMssTakenFromTheMtuDoesNotMakeEveryWorkloadLookEndless() throws Exception {
        // without tcp.mss each host derives it from its MTU; the estimate must not divide by zero
        String shortConns = """
                {"hosts": [{"name": "a"}, {"name": "b"}],
                 "workloads": [{"type": "shortConnections", "from": "a", "to": "b", "count": 50,
                                "size": "16KiB", "interval": "50us"}]}""";
        assertEquals(50, ((ShortConnectionsWorkload) bind(shortConns).workloads().get(0)).count());
        assertEquals(1, bind(TWO).workloads().size());
    }

    @Test
    void tooManyEventsAreRefusedAndTheLimitCanBeLifted() throws Exception {
        String big = "{\"stop\": {\"duration\": \"1000s\"}, \"hosts\": [{\"name\": \"a\"}, {\"name\": \"b\"}],"
                + " \"workloads\": [{\"type\": \"bulk\", \"from\": \"a\", \"to\": \"b\", \"size\": \"100TiB\"}]}";
        Problem p = refused(big);
        assertEquals("workloads[0].size", p.path());
        assertEquals(1, p.line());
        assertTrue(p.format().contains("simulation events"), p.format());
        assertEquals(1_000_000_000_000_000L, bind(big, "budget.maxEvents=0").stop().durationPs());
    }

    @Test
    void tenThousandHostsAreRefusedUnlessTheBudgetAllows() throws Exception {
        Problem p = refused(hosts(10_000), "outputs.timeSeries=0");
        assertEquals("hosts", p.path());
        assertTrue(p.format().contains("(10000 hosts, "), p.format());
        assertEquals(10_000, bind(hosts(10_000), "budget.maxMemory=0", "outputs.timeSeries=0").hosts().size());
    }

    @Test
    void fiftyThousandHostsAreAnsweredInLinearTime() {
        // quadratic name checks took minutes here
        assertTrue(refused(hosts(50_000)).format().contains("budget.maxMemory"));
    }

    @Test
    void aMillionHostsAreRefusedWhileReading() {
        Problem p = refused(hosts(1_000_000));
        assertEquals("hosts[100000]", p.path());
        assertTrue(p.format().contains("more than 100000 elements"), p.format());
    }

    @Test
    void shippedScaleScenariosStayWithinTheDefaultBudget() throws Exception {
        bind(TWO, "workloads[0].size=1GiB");
        bind(hosts(100));
    }
}
