package org.toesim.scenario.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MermaidWriterTest {
    static final String TRACE = """
            {"t":1000,"component":"link0.ab","event":"FrameRx","fields":{"from":"link0.ab","to":"b.card","sentPs":500,"conn":"10.0.0.1:1>10.0.0.2:2","lenBytes":74}}
            {"t":2000,"component":"b.offload","event":"CcbAllocated","fields":{"conn":"10.0.0.2:2>10.0.0.1:1","ccb":3}}
            {"t":3500,"component":"b.offload","event":"InitiateOffload","fields":{"from":"b.offload","to":"b.driver","sentPs":3000,"conn":"10.0.0.1:1>10.0.0.2:2","ccb":3,"note":"a;b#c<d>"}}
            {"t":1500000,"component":"b.driver","event":"MmioWrite","fields":{"from":"b.driver","to":"b.pcie","sentPs":1500000,"reg":"DOORBELL","nested":{"x":1}}}
            {"t":2000000,"component":"a.app","event":"Connected","fields":{}}
            """;

    @TempDir
    Path dir;

    private String mermaid(ChartOptions options) throws Exception {
        Path trace = SyntheticTraces.write(dir.resolve("t.jsonl"), TRACE);
        SequenceCharts.write(trace, dir.resolve("out"), options);
        return Files.readString(dir.resolve("out").resolve(SequenceCharts.MERMAID));
    }

    @Test
    void participantsArrowsAndNotes() throws Exception {
        assertEquals("""
                %% ToeSim sequence chart: t.jsonl
                sequenceDiagram
                    participant b_offload as b.offload
                    participant b_driver as b.driver
                    participant b_pcie as b.pcie
                    participant b_card as b.card
                    participant link0_ab as link0.ab
                    participant a_app as a.app
                    link0_ab->>b_card: FrameRx lenBytes=74 @ 1.000 ns (+500 ps)
                    Note over b_offload: CcbAllocated ccb=3 @ 2.000 ns
                    b_offload->>b_driver: InitiateOffload ccb=3, note=a#59;b#35;c#lt;d#gt; @ 3.500 ns (+500 ps)
                    b_driver->>b_pcie: MmioWrite reg=DOORBELL @ 1.500 us
                    Note over a_app: Connected @ 2.000 us
                """, mermaid(ChartOptions.all("t.jsonl").withMermaidMax(0)));
    }

    @Test
    void theCapSaysHowManyWereLeftOut() throws Exception {
        assertEquals("""
                %% ToeSim sequence chart: t.jsonl
                sequenceDiagram
                    participant b_offload as b.offload
                    participant b_card as b.card
                    participant link0_ab as link0.ab
                    link0_ab->>b_card: FrameRx lenBytes=74 @ 1.000 ns (+500 ps)
                    Note over b_offload: CcbAllocated ccb=3 @ 2.000 ns
                    Note over b_offload,link0_ab: 3 more records left out (at most 2 shown)
                """, mermaid(ChartOptions.all("t.jsonl").withMermaidMax(2)));
    }

    @Test
    void connectionAndTimeFilters() throws Exception {
        String byConn = mermaid(ChartOptions.all("t.jsonl").withConn("10.0.0.2:2>10.0.0.1:1"));
        assertTrue(byConn.contains("FrameRx") && byConn.contains("CcbAllocated") && byConn.contains("InitiateOffload"));
        assertTrue(!byConn.contains("MmioWrite") && !byConn.contains("Connected"), byConn);
        String window = mermaid(ChartOptions.all("t.jsonl").withWindow(2000, 1_500_000));
        assertEquals("""
                %% ToeSim sequence chart: t.jsonl
                sequenceDiagram
                    participant b_offload as b.offload
                    participant b_driver as b.driver
                    participant b_pcie as b.pcie
                    Note over b_offload: CcbAllocated ccb=3 @ 2.000 ns
                    b_offload->>b_driver: InitiateOffload ccb=3, note=a#59;b#35;c#lt;d#gt; @ 3.500 ns (+500 ps)
                    b_driver->>b_pcie: MmioWrite reg=DOORBELL @ 1.500 us
                """, window);
        String empty = mermaid(ChartOptions.all("t.jsonl").withWindow(5, 6));
        assertTrue(empty.endsWith("    participant trace\n    Note over trace: no records match the filters\n"), empty);
    }

    @Test
    void aFocusHostOptionComesFirst() throws Exception {
        String m = mermaid(ChartOptions.all("t.jsonl").withMermaidMax(0).withFocusHost("a"));
        assertTrue(m.contains("""
                    participant a_app as a.app
                    participant link0_ab as link0.ab
                    participant b_offload as b.offload
                """), m);
    }

    @Test
    void anUnknownConnectionIsAnInputError() {
        ChartInputException e = assertThrows(ChartInputException.class,
                () -> mermaid(ChartOptions.all("t.jsonl").withConn("1.2.3.4:5>6.7.8.9:10")));
        assertTrue(e.getMessage().contains("no record of connection '1.2.3.4:5>6.7.8.9:10' (connections in the trace: "
                + "10.0.0.1:1>10.0.0.2:2)"), e.getMessage());
    }
}
