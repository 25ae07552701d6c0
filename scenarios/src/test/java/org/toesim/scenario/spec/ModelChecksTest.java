package org.toesim.scenario.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every check the model used to make only when a run was built now fails validation, with the
 * file position and JSON path of the offending value (so {@code validate} rejects what
 * {@code run} would).
 */
class ModelChecksTest {
    /** Two hosts, a plain a and a TOE b; {@code %s} slots for a's, b's fields and a workload's. */
    static String file(String aFields, String bFields, String workloadFields, String faults) {
        return "{\"hosts\": [\n"
                + "  {\"name\": \"a\"" + aFields + "},\n"
                + "  {\"name\": \"b\", \"nic\": {\"model\": \"toe\"" + bFields + "}}],\n"
                + " \"workloads\": [\n"
                + "  {\"type\": \"bulk\", \"from\": \"a\", \"to\": \"b\", \"size\": \"64KiB\"" + workloadFields + "}],\n"
                + " \"faults\": [" + faults + "]}\n";
    }

    static Problem only(String json) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioDocument.parse(json, "m.json", ScenarioDocument.Syntax.JSON).bind());
        assertEquals(1, e.problems().size(), e.getMessage());
        Problem p = e.problems().get(0);
        assertEquals("m.json", p.source(), p.format());
        assertTrue(p.line() > 0 && p.column() > 0, "no location: " + p.format());
        return p;
    }

    static void located(String json, int line, String path, String fragment) {
        Problem p = only(json);
        assertEquals(line, p.line(), p.format());
        assertEquals(path, p.path(), p.format());
        assertTrue(p.format().contains(fragment), p.format());
    }

    @Test
    void unknownHostCostName() {
        Problem p = only(file(", \"costs\": {\"rxPerSegment\": 900}", "", "", ""));
        assertEquals("hosts[0].costs.rxPerSegment", p.path());
        assertEquals(2, p.line());
        assertTrue(p.format().contains("unknown host cost name 'rxPerSegment'; expected one of rxPacketCycles"),
                p.format());
    }

    @Test
    void unknownCardCycleName() {
        located(file("", ", \"cardCycles\": {\"fastpathrx\": 1}", "", ""), 3, "hosts[1].nic.cardCycles.fastpathrx",
                "(did you mean 'fastPathRx'?)");
    }

    @Test
    void cardCyclesOnAPlainNic() {
        located(file(", \"nic\": {\"cardCycles\": {\"tx\": 1}}", "", "", ""), 2, "hosts[0].nic.cardCycles",
                "card costs on a plain NIC");
    }

    @Test
    void aCloseOnTheCardNeedsACard() {
        located(file(", \"nic\": {\"close\": \"card\"}", "", "", ""), 2, "hosts[0].nic.close",
                "close 'card' on a plain NIC: only a TOE runs a close");
    }

    @Test
    void indicationBuffersNeedACard() {
        located(file(", \"nic\": {\"indicationBuffers\": 8}", "", "", ""), 2, "hosts[0].nic.indicationBuffers",
                "8 indication buffers on a plain NIC: only a TOE indicates data");
    }

    @Test
    void rssOnAToeAndTooManyQueues() {
        located(file("", ", \"rssQueues\": 2", "", ""), 3, "hosts[1].nic.rssQueues", "not in this build");
        located(file(", \"nic\": {\"rssQueues\": 16}", "", "", ""), 2, "hosts[0].nic.rssQueues",
                "the modelled NIC has 8");
    }

    @Test
    void lroWithoutChecksumOffload() {
        located(file(", \"nic\": {\"lro\": true, \"checksumOffload\": false}", "", "", ""), 2, "hosts[0].nic.lro",
                "LRO needs receive checksum offload");
    }

    @Test
    void pcieGenerationNotModelled() {
        located(file(", \"pcie\": {\"gen\": 6}", "", "", ""), 2, "hosts[0].pcie.gen", "PCIe generation 6 is not modelled");
    }

    @Test
    void cardResetOnAPlainNic() {
        located(file("", "", "", "{\"type\": \"cardReset\", \"at\": \"1ms\", \"host\": \"a\"}"), 6, "faults[0].host",
                "host 'a' has a plain NIC; a card reset needs a TOE");
    }

    @Test
    void tcpOptionsThatDifferOnOneHost() {
        String json = "{\"hosts\": [{\"name\": \"a\"}, {\"name\": \"b\"}],\n"
                + " \"workloads\": [{\"type\": \"bulk\", \"from\": \"a\", \"to\": \"b\"},\n"
                + "   {\"type\": \"bulk\", \"from\": \"a\", \"to\": \"b\", \"tcp\": {\"sack\": false}}]}";
        located(json, 3, "workloads[1].tcp", "differs from workloads[0].tcp on host 'a'");
    }

    @Test
    void realBytesOnShortConnections() {
        String json = "{\"hosts\": [{\"name\": \"a\"}, {\"name\": \"b\"}],\n"
                + " \"workloads\": [{\"type\": \"shortConnections\", \"from\": \"a\", \"to\": \"b\",\n"
                + "   \"tcp\": {\"realBytes\": true}}]}";
        located(json, 3, "workloads[0].tcp.realBytes", "not in this build");
    }

    @Test
    void pacedSizeNotAWholeNumberOfChunks() {
        String json = "{\"hosts\": [{\"name\": \"a\"}, {\"name\": \"b\"}],\n"
                + " \"workloads\": [{\"type\": \"pacedStream\", \"from\": \"a\", \"to\": \"b\",\n"
                + "   \"chunk\": \"64KiB\", \"size\": \"100KiB\"}]}";
        located(json, 3, "workloads[0].size", "is not a whole number of chunks");
    }

    @Test
    void aMillionConnectionsRunOutOfPorts() {
        located(file("", "", ", \"connections\": 1000000", ""), 5, "workloads[0].connections",
                "listening port 65536 is out of range");
    }

    @Test
    void portTakenByAnotherWorkload() {
        String json = "{\"hosts\": [{\"name\": \"a\"}, {\"name\": \"b\"}],\n"
                + " \"workloads\": [{\"type\": \"bulk\", \"from\": \"a\", \"to\": \"b\", \"port\": 80},\n"
                + "   {\"type\": \"bulk\", \"from\": \"a\", \"to\": \"b\", \"port\": 80}]}";
        located(json, 3, "workloads[1].port", "listening port 80 is taken");
    }

    @Test
    void buffersSmallerThanOneSegmentAndRtoAboveTheMaximum() {
        located(file("", "", ", \"tcp\": {\"sendBuffer\": 1000}", ""), 5, "workloads[0].tcp.sendBuffer",
                "less than one MSS");
        located(file("", "", ", \"tcp\": {\"minRto\": \"61s\"}", ""), 5, "workloads[0].tcp.minRto",
                "above the largest RTO");
    }

    @Test
    void linkToItself() {
        String json = "{\"hosts\": [{\"name\": \"a\"}, {\"name\": \"b\"}], \"switches\": [{\"name\": \"s\"}],\n"
                + " \"links\": [{\"between\": [\"s\", \"s\"]}]}";
        located(json, 2, "links[0].between", "joins 's' to itself");
    }

    @Test
    void aSetThatBreaksAModelRuleNamesTheSet() throws Exception {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioDocument
                .parse(file("", "", "", ""), "m.json", ScenarioDocument.Syntax.JSON)
                .withOverrides(List.of("hosts[0].costs={\"rxPerSegment\": 1}")).bind());
        assertEquals("--set hosts[0].costs={\"rxPerSegment\": 1}", e.problems().get(0).source());
    }
}
