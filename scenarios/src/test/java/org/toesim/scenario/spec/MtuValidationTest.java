package org.toesim.scenario.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code nic.mtu}, {@code switches[].mtu} and an MSS that must fit them, checked before any run. */
class MtuValidationTest {
    private static String direct(String mtuA, String mtuB, String tcp) {
        return """
                {"hosts": [{"name": "a"%s}, {"name": "b"%s}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b"%s}]}""".formatted(mtuA, mtuB, tcp);
    }

    private static final String JUMBO = ", \"nic\": {\"mtu\": 9000}";

    @Test
    void mtuDefaultsTo1500AndTheMssFollowsIt() throws Exception {
        Scenario s = ScenarioDocumentTest.bind(direct("", JUMBO, ""));
        assertEquals(1500, s.hosts().get(0).nic().mtuBytes());
        assertEquals(9000, s.hosts().get(1).nic().mtuBytes());
        TcpSpec tcp = s.workloads().get(0).tcp();
        assertEquals(false, tcp.mssExplicit());
        assertEquals(1460, tcp.mssFor(1500));
        assertEquals(8960, tcp.mssFor(9000));
    }

    @Test
    void anExplicitMssAboveTheMtuIsRejectedAtItsPlace() {
        String json = direct("", "", ",\n  \"tcp\": {\"mss\": 8960}");
        Problem p = ScenarioDocumentTest.problem(json);
        assertEquals("workloads[0].tcp.mss", p.path());
        assertEquals(3, p.line());
        assertTrue(p.column() > 0, p.format());
        assertTrue(p.message().contains("MSS 8960 needs 9000-byte IP packets"), p.format());
        assertTrue(p.message().contains("hosts[0].nic.mtu"), p.format());
        assertTrue(p.expected().contains("at most 1460"), p.format());
    }

    @Test
    void anMssThatFitsOnlyOneEndIsRejectedAndOneThatFitsBothIsAccepted() throws Exception {
        Problem p = ScenarioDocumentTest.problem(direct(JUMBO, "", ", \"tcp\": {\"mss\": 1461}"));
        assertEquals("workloads[0].tcp.mss", p.path());
        assertTrue(p.message().contains("host 'b'") && p.message().contains("hosts[1].nic.mtu"), p.format());
        ScenarioDocumentTest.bind(direct(JUMBO, "", ", \"tcp\": {\"mss\": 1460}"));
        ScenarioDocumentTest.bind(direct(JUMBO, JUMBO, ", \"tcp\": {\"mss\": 8960}"));
    }

    @Test
    void aSwitchWithASmallerMtuThanTheJumboHostsIsRejected() {
        String json = """
                {"hosts": [{"name": "a", "nic": {"mtu": 9000}}, {"name": "b", "nic": {"mtu": 9000}}],
                 "switches": [{"name": "sw"}],
                 "links": [{"between": ["a", "sw"]}, {"between": ["sw", "b"]}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b"}]}""";
        Problem p = ScenarioDocumentTest.problem(json);
        assertEquals("switches[0].mtu", p.path());
        assertEquals(2, p.line(), "located at the switch (its mtu field is absent)");
        assertTrue(p.message().contains("at most 1500") && p.message().contains("9000-byte packets"), p.format());
        assertTrue(p.expected().contains("mtu >= 9000"), p.format());
    }

    @Test
    void aJumboSwitchCarriesJumboHosts() throws Exception {
        String json = """
                {"hosts": [{"name": "a", "nic": {"mtu": 9000}}, {"name": "b", "nic": {"mtu": 9000}}],
                 "switches": [{"name": "sw", "mtu": 9216}],
                 "links": [{"between": ["a", "sw"]}, {"between": ["sw", "b"]}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b"}]}""";
        assertEquals(9216, ScenarioDocumentTest.bind(json).switches().get(0).mtuBytes());
    }

    @Test
    void anMtuOutsideTheEthernetRangeIsRejected() {
        Problem p = ScenarioDocumentTest.problem(direct(", \"nic\": {\"mtu\": 65000}", "", ""));
        assertEquals("hosts[0].nic.mtu", p.path());
        assertTrue(p.expected().contains("[576, 9216]"), p.format());
    }

    @Test
    void aLinkQueueSmallerThanOneJumboFrameIsRejected() throws Exception {
        String json = """
                {"hosts": [{"name": "a", "nic": {"mtu": 9000}}, {"name": "b"}],
                 "links": [{"between": ["a", "b"], "queue": "8KiB"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "tcp": {"mss": 1460}}]}""";
        Problem p = ScenarioDocumentTest.problem(json);
        assertEquals("links[0].queue", p.path());
        assertTrue(p.message().contains("cannot hold one 9014-byte frame"), p.format());
        ScenarioDocumentTest.bind(json.replace("\"8KiB\"", "9014"));
    }

    @Test
    void theMssCheckAlsoCoversCommandLineOverrides() {
        Problem p = ScenarioDocumentTest.problem(direct("", "", ""), "workloads[0].tcp.mss=1500");
        assertEquals("workloads[0].tcp.mss", p.path());
        assertTrue(p.format().contains("MSS 1500 needs 1540-byte IP packets"), p.format());
    }
}
