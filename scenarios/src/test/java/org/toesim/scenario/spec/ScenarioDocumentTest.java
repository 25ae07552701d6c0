package org.toesim.scenario.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.scenario.TestFiles;

class ScenarioDocumentTest {

    static Scenario bind(String json, String... sets) throws ScenarioException {
        return ScenarioDocument.parse(json, "t.json", ScenarioDocument.Syntax.JSON).withOverrides(List.of(sets)).bind();
    }

    static Problem problem(String json, String... sets) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> bind(json, sets));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    static final String MINIMAL = """
            {"hosts": [{"name": "a"}, {"name": "b", "nic": {"model": "toe"}}],
             "workloads": [{"type": "bulk", "from": "a", "to": "b"}]}""";

    @Test
    void minimalFileGetsSensibleDefaults() throws Exception {
        Scenario s = bind(MINIMAL);
        assertEquals("scenario", s.name());
        assertEquals(1, s.seed());
        assertEquals(StopSpec.DEFAULT, s.stop());
        HostSpec a = s.hosts().get(0);
        assertEquals(4, a.cores());
        assertEquals(3_000_000_000L, a.clockHz());
        assertEquals(NicModel.PLAIN, a.nic().model());
        assertInstanceOf(OffloadPolicySpec.Never.class, a.offload());
        HostSpec b = s.hosts().get(1);
        assertEquals(1024, b.nic().ccbCapacity());
        assertInstanceOf(OffloadPolicySpec.Always.class, b.offload());
        assertEquals(PcieSpec.DEFAULT, b.pcie());
        assertEquals(List.of(LinkSpec.between("a", "b")), s.links(), "two hosts get one default link");
        BulkWorkload w = (BulkWorkload) s.workloads().get(0);
        assertEquals("w0", w.name());
        assertEquals(5001, w.port());
        assertEquals(16L << 20, w.sizeBytes());
        assertEquals(CongestionControlName.CUBIC, w.tcp().congestionControl());
        assertTrue(w.tcp().sack() && w.tcp().nagle() && w.tcp().delayedAck());
        assertEquals(200_000_000_000L, w.tcp().minRtoPs());
        assertEquals(1_000_000_000L, s.outputs().timeSeriesIntervalPs());
    }

    @Test
    void quantitiesAcceptUnitsOrBaseUnitNumbers() throws Exception {
        Scenario s = bind("""
                {"hosts": [{"name": "a", "clock": "2.5GHz"}, {"name": "b", "clock": 2000000000}],
                 "links": [{"between": ["a", "b"], "rate": "40Gbps", "delay": 2500000, "queue": "64KiB"}],
                 "stop": {"duration": "1.5ms"}}""");
        assertEquals(2_500_000_000L, s.hosts().get(0).clockHz());
        assertEquals(2_000_000_000L, s.hosts().get(1).clockHz());
        LinkSpec l = s.links().get(0);
        assertEquals(40_000_000_000L, l.rateBitsPerSec());
        assertEquals(2_500_000L, l.delayPs());
        assertEquals(65_536L, l.queueBytes());
        assertEquals(new StopSpec(StopMode.DURATION, 1_500_000_000L, 1_500_000_000L), s.stop());
    }

    @Test
    void yamlAndJsonOfTheSameExperimentAreEqual() throws Exception {
        Scenario json = ScenarioDocument.parse(TestFiles.text("scenarios/bulk-toe.json"), "bulk-toe.json",
                ScenarioDocument.Syntax.JSON).bind();
        Scenario yaml = ScenarioDocument.parse(TestFiles.text("scenarios/bulk-toe.yaml"), "bulk-toe.yaml",
                ScenarioDocument.Syntax.YAML).bind();
        assertEquals(json, yaml);
        assertEquals(2_000_000L, yaml.links().get(0).delayPs());
    }

    @Test
    void everyShippedScenarioValidates() throws Exception {
        for (String f : List.of("bulk-host-stack.json", "bulk-toe.json", "full.json")) {
            Scenario s = ScenarioDocument.parse(TestFiles.text("scenarios/" + f), f, ScenarioDocument.Syntax.JSON).bind();
            assertTrue(s.hosts().size() >= 2, f);
        }
    }

    @Test
    void fullScenarioBindsEveryKind() throws Exception {
        Scenario s = ScenarioDocument.parse(TestFiles.text("scenarios/full.json"), "full.json",
                ScenarioDocument.Syntax.JSON).bind();
        assertEquals(new OffloadPolicySpec.AfterBytes(1L << 20), s.hosts().get(1).offload());
        assertEquals(new OffloadPolicySpec.Ports(List.of(80, 5003)), s.hosts().get(2).offload());
        assertEquals(800_000_000L, s.hosts().get(1).nic().cardClockHz());
        assertEquals(new InterruptModerationSpec(20_000_000L, 16), s.hosts().get(0).nic().interruptModeration());
        assertEquals(new PcieSpec(4, 16, 256, 512, 600_000L), s.hosts().get(0).pcie());
        assertEquals(0.3, s.links().get(0).impairmentsAToB().gilbertElliott().pBadToGood());
        assertEquals(List.of("bulk", "w1", "w2", "w3"), s.workloads().stream().map(WorkloadSpec::name).toList());
        assertInstanceOf(RequestResponseWorkload.class, s.workloads().get(1));
        assertInstanceOf(ShortConnectionsWorkload.class, s.workloads().get(2));
        assertEquals(2_000_000_000L, s.workloads().get(3).startPs());
        assertEquals(new FaultSpec.LossBurst(5_000_000_000L, "l1", 200_000_000L, 0.5), s.faults().get(0));
        assertEquals(new FaultSpec.CardReset(20_000_000_000L, "server"), s.faults().get(3));
        assertEquals(List.of(PlotFormat.SVG), s.outputs().plots());
    }

    @Test
    void setOverridesAnyFieldBeforeBinding() throws Exception {
        Scenario s = bind(MINIMAL, "hosts[1].nic.ccbCapacity=8", "workloads[0].tcp.congestionControl=reno",
                "hosts[0].pcie.lanes=16", "workloads[0].size=1MiB", "seed=99", "name=tried",
                "hosts[1].offload={\"afterTime\": \"5ms\"}");
        assertEquals(8, s.hosts().get(1).nic().ccbCapacity());
        assertEquals(CongestionControlName.RENO, s.workloads().get(0).tcp().congestionControl());
        assertEquals(16, s.hosts().get(0).pcie().lanes());
        assertEquals(1L << 20, ((BulkWorkload) s.workloads().get(0)).sizeBytes());
        assertEquals(99, s.seed());
        assertEquals("tried", s.name());
        assertEquals(new OffloadPolicySpec.AfterTime(5_000_000_000L), s.hosts().get(1).offload());
    }

    @Test
    void setCanAppendToAnArray() throws Exception {
        Scenario s = bind(MINIMAL, "workloads[1].type=requestResponse", "workloads[1].from=b", "workloads[1].to=a");
        assertEquals(2, s.workloads().size());
        assertEquals(5002, s.workloads().get(1).port());
    }

    // ---- bad input: one clear message each ----

    @Test
    void malformedJsonPointsAtTheLine() {
        Problem p = problem("{\"hosts\": [\n  {\"name\": \"a\",}\n]}");
        assertEquals(2, p.line());
        assertTrue(p.format().startsWith("t.json:2:"), p.format());
        assertTrue(p.message().contains("malformed"), p.format());
    }

    @Test
    void unknownFieldNamesTheClosestValidOne() {
        Problem p = problem("""
                {"hosts": [{"name": "a"},
                           {"name": "b", "nic": {"model": "toe", "ccbCapcity": 8}}]}""");
        assertEquals("hosts[1].nic.ccbCapcity", p.path());
        assertEquals(2, p.line());
        assertEquals(50, p.column());
        assertEquals("ccbCapacity", p.suggestion());
        assertTrue(p.expected().contains("ccbCapacity") && p.expected().contains("rssQueues"), p.expected());
        assertEquals("t.json:2:50: hosts[1].nic.ccbCapcity: unknown field 'ccbCapcity'; expected one of card, cardClock, "
                + "cardCores, cardCycles, ccbCapacity, checksumOffload, close, indicationBufferBytes, indicationBuffers, "
                + "indicationDelay, interruptModeration, lro, model, mtu, rssQueues, rxBuffers, tso, txqueuelen"
                + " (did you mean 'ccbCapacity'?)", p.format());
    }

    @Test
    void wrongTypeSaysWhatWasFoundAndExpected() {
        Problem p = problem("""
                {"hosts": [{"name": "a", "cores": "four"}, {"name": "b"}]}""");
        assertEquals("hosts[0].cores", p.path());
        assertEquals(1, p.line());
        assertEquals("an integer", p.expected());
        assertTrue(p.message().contains("\"four\""), p.message());
    }

    @Test
    void outOfRangeValueNamesTheFieldPath() {
        Problem p = problem("""
                {"hosts": [{"name": "a"},
                  {"name": "b", "nic": {"model": "toe",
                     "ccbCapacity": 0}}]}""");
        assertEquals("hosts[1].nic.ccbCapacity", p.path());
        assertEquals(3, p.line());
        assertEquals(6, p.column());
        assertEquals("0 is out of range", p.message());
        assertTrue(p.expected().contains(">= 1") || p.expected().contains("[1, "), p.expected());
    }

    @Test
    void outOfRangeValueSetFromTheCommandLineNamesTheOverride() {
        Problem p = problem(MINIMAL, "hosts[1].nic.ccbCapacity=0");
        assertEquals("--set hosts[1].nic.ccbCapacity=0", p.source());
        assertEquals("hosts[1].nic.ccbCapacity", p.path());
    }

    @Test
    void unknownHostReferenceSuggestsTheClosestHost() {
        Problem p = problem("""
                {"hosts": [{"name": "client"}, {"name": "server"}],
                 "workloads": [{"type": "bulk", "from": "client",
                                "to": "sever"}]}""");
        assertEquals("workloads[0].to", p.path());
        assertEquals(3, p.line());
        assertEquals("server", p.suggestion());
        assertTrue(p.expected().contains("client, server"), p.expected());
    }

    @Test
    void unknownLinkReferenceInAFault() {
        Problem p = problem("""
                {"hosts": [{"name": "a"}, {"name": "b"}], "stop": {"duration": "10ms"},
                 "faults": [{"type": "linkDown", "at": "1ms", "link": "a-c"}]}""");
        assertEquals("faults[0].link", p.path());
        assertEquals("a-b", p.suggestion());
    }

    @Test
    void unitErrorsCarryTheUnitsMessage() {
        Problem p = problem("""
                {"hosts": [{"name": "a"}, {"name": "b"}],
                 "links": [{"between": ["a", "b"], "rate": "10Gbsp"}]}""");
        assertEquals("links[0].rate", p.path());
        assertEquals(2, p.line());
        assertTrue(p.message().contains("unknown rate unit 'Gbsp'"), p.message());
        assertTrue(p.expected().startsWith("a rate such as \"10Gbps\""), p.expected());
    }

    @Test
    void unknownWorkloadTypeSuggestsAName() {
        Problem p = problem("""
                {"hosts": [{"name": "a"}, {"name": "b"}],
                 "workloads": [{"type": "blk", "from": "a", "to": "b"}]}""");
        assertEquals("workloads[0].type", p.path());
        assertEquals("bulk", p.suggestion());
        assertTrue(p.expected().contains("requestResponse"), p.expected());
    }

    @Test
    void unknownNamedValueSuggestsOne() {
        Problem p = problem(MINIMAL, "workloads[0].tcp.congestionControl=cubik");
        assertEquals("workloads[0].tcp.congestionControl", p.path());
        assertEquals("cubic", p.suggestion());
        assertEquals("one of reno, newreno, cubic, dctcp, bbr", p.expected());
    }

    @Test
    void offloadPolicyNeedsAToe() {
        Problem p = problem("""
                {"hosts": [{"name": "a", "offload": "always"}, {"name": "b"}]}""");
        assertEquals("hosts[0].offload", p.path());
        assertTrue(p.message().contains("needs a TOE"), p.message());
    }

    @Test
    void badSetPathIsAnInputError() {
        Problem p = problem(MINIMAL, "hosts[7].cores=2");
        assertTrue(p.message().contains("index out of range"), p.message());
        assertTrue(p.source().startsWith("--set"), p.source());
    }

    @Test
    void interruptModerationWithoutATimerIsRejected() {
        Problem p = problem("""
                {"hosts": [{"name": "a", "nic": {"interruptModeration": {"delay": "0us", "frames": 8}}},
                           {"name": "b"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b"}]}""");
        assertEquals("hosts[0].nic.interruptModeration.delay", p.path());
        assertTrue(p.message().contains("no timer"), p.message());
        Problem fraction = problem("""
                {"hosts": [{"name": "a", "nic": {"interruptModeration": {"delay": "2.5us"}}}, {"name": "b"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b"}]}""");
        assertEquals("hosts[0].nic.interruptModeration.delay", fraction.path());
        assertTrue(fraction.message().contains("whole number of microseconds"), fraction.message());
    }

    @Test
    void oneInterruptPerCompletionIsAccepted() throws Exception {
        Scenario s = bind("""
                {"hosts": [{"name": "a", "nic": {"interruptModeration": {"delay": "0us", "frames": 1}}},
                           {"name": "b"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b"}]}""");
        assertEquals(new InterruptModerationSpec(0, 1), s.hosts().get(0).nic().interruptModeration());
    }

    @Test
    void yamlErrorsHaveLinesToo() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioDocument.parse(
                "hosts:\n  - name: a\n  - name: b\n    cores: 0\n", "t.yaml", ScenarioDocument.Syntax.YAML).bind());
        Problem p = e.problems().get(0);
        assertEquals("hosts[1].cores", p.path());
        assertEquals(4, p.line());
    }
}
