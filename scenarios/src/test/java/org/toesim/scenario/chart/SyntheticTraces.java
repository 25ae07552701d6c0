package org.toesim.scenario.chart;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Traces written for the chart tests: a small connection handoff and a large data phase. */
final class SyntheticTraces {
    static final String CONN = "10.0.0.1:40000>10.0.0.2:5001";
    static final String CONN_REVERSED = "10.0.0.2:5001>10.0.0.1:40000";

    private SyntheticTraces() {
    }

    /**
     * A TCP connection handed to the card of host b: the SYN over the wire, the offload manager
     * initiating the offload, the driver's MMIO write over PCIe to the card, the card's completion,
     * the first offloaded ACK back over the wire. 22 records, times in nanoseconds.
     */
    static Path handoff(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        msg(sb, 1_000, 900, "a.tcp", "a.tcp", "a.nic", "SegmentOut", CONN, "\"flags\":\"SYN\",\"seq\":4000,\"len\":0");
        msg(sb, 1_400, 1_000, "a.nic", "a.nic", "link0.ab", "FrameTx", CONN, "\"lenBytes\":74");
        msg(sb, 2_400, 1_400, "link0.ab", "link0.ab", "b.card", "FrameRx", CONN, "\"lenBytes\":74");
        msg(sb, 2_900, 2_400, "b.card", "b.card", "b.pcie", "DmaWrite", CONN, "\"addr\":\"0x7f00\",\"lenBytes\":74");
        msg(sb, 3_300, 2_900, "b.pcie", "b.pcie", "b.driver", "Interrupt", null, "\"vector\":2");
        local(sb, 3_400, "b.cpu", "IrqEntry", null, "\"core\":0");
        msg(sb, 4_000, 3_500, "b.driver", "b.driver", "b.tcp", "RxSegment", CONN, "\"flags\":\"SYN\",\"seq\":4000");
        msg(sb, 4_600, 4_100, "b.tcp", "b.tcp", "b.offload", "OffloadCandidate", CONN, "\"state\":\"SYN_RCVD\"");
        local(sb, 4_800, "b.offload", "CcbAllocated", CONN, "\"ccb\":3,\"policy\":{\"name\":\"all\",\"minBytes\":0}");
        msg(sb, 5_200, 4_900, "b.offload", "b.offload", "b.driver", "InitiateOffload", CONN,
                "\"ccb\":3,\"sndNxt\":9001,\"rcvNxt\":4001,\"note\":\"<handoff & go>\"");
        msg(sb, 5_900, 5_300, "b.driver", "b.driver", "b.pcie", "MmioWrite", CONN, "\"reg\":\"CCB_DOORBELL\",\"value\":3");
        msg(sb, 6_700, 5_900, "b.pcie", "b.pcie", "b.card", "MemWriteTlp", CONN, "\"addr\":\"0x1040\",\"lenBytes\":8");
        local(sb, 7_500, "b.card", "CcbInstalled", CONN, "\"ccb\":3,\"window\":65535");
        msg(sb, 8_100, 7_600, "b.card", "b.card", "b.pcie", "DmaWrite", CONN, "\"addr\":\"0x7f80\",\"lenBytes\":16");
        msg(sb, 8_500, 8_100, "b.pcie", "b.pcie", "b.driver", "OffloadComplete", CONN, "\"status\":\"ok\",\"ccb\":3");
        msg(sb, 9_000, 8_600, "b.driver", "b.driver", "b.offload", "InitiateOffloadDone", CONN, "\"ccb\":3");
        msg(sb, 9_400, 9_100, "b.offload", "b.offload", "b.socket", "Offloaded", CONN, "\"ccb\":3");
        msg(sb, 9_700, 9_500, "b.socket", "b.socket", "b.app", "Accepted", CONN, "\"fd\":7");
        msg(sb, 10_300, 9_800, "b.card", "b.card", "link0.ab", "FrameTx", CONN_REVERSED, "\"lenBytes\":74,\"flags\":\"SYN|ACK\"");
        msg(sb, 11_300, 10_300, "link0.ab", "link0.ab", "a.nic", "FrameRx", CONN_REVERSED, "\"lenBytes\":74");
        msg(sb, 11_800, 11_300, "a.nic", "a.nic", "a.tcp", "SegmentIn", CONN_REVERSED, "\"flags\":\"SYN|ACK\",\"seq\":9000");
        local(sb, 12_000, "a.app", "Connected", CONN, "\"fd\":4");
        return write(dir.resolve("trace.jsonl"), sb.toString());
    }

    /**
     * {@code records} records of a data phase over four connections: per segment the card, PCIe,
     * driver, socket and application on b, the wire, and a's card; one local event in eight.
     * Times in picoseconds, 100 ns apart.
     */
    static Path bulk(Path file, int records) throws IOException {
        String[] lifelines = {"a.app", "a.socket", "a.card", "link0.ab", "b.card", "b.pcie", "b.driver", "b.socket", "b.app"};
        String[] events = {"Send", "TxPost", "FrameTx", "FrameRx", "DmaWrite", "Interrupt", "RxIndicate", "Deliver"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long t = 1_000_000;
            for (int i = 0; i < records; i++) {
                t += 100_000;
                int hop = i % 8;
                int seg = i / 8;
                String conn = "10.0.0.1:" + (40000 + seg % 4) + ">10.0.0.2:5001";
                if (i % 8 == 7) {
                    w.write(String.format(Locale.ROOT, "{\"t\":%d,\"component\":\"b.offload\",\"event\":\"CcbUpdate\","
                            + "\"fields\":{\"conn\":\"%s\",\"ccb\":%d,\"rcvNxt\":%d}}\n", t, conn, seg % 4, seg * 1448L));
                } else {
                    w.write(String.format(Locale.ROOT, "{\"t\":%d,\"component\":\"%s\",\"event\":\"%s\",\"fields\":"
                            + "{\"from\":\"%s\",\"to\":\"%s\",\"sentPs\":%d,\"conn\":\"%s\",\"seq\":%d,\"len\":1448}}\n",
                            t, lifelines[hop + 1], events[hop], lifelines[hop], lifelines[hop + 1], t - 80_000, conn,
                            seg * 1448L));
                }
            }
        }
        return file;
    }

    private static void msg(StringBuilder sb, long tNs, long sentNs, String component, String from, String to,
                            String event, String conn, String more) {
        sb.append("{\"t\":").append(tNs * 1000).append(",\"component\":\"").append(component)
                .append("\",\"event\":\"").append(event).append("\",\"fields\":{\"from\":\"").append(from)
                .append("\",\"to\":\"").append(to).append("\",\"sentPs\":").append(sentNs * 1000);
        if (conn != null) {
            sb.append(",\"conn\":\"").append(conn).append('"');
        }
        sb.append(',').append(more).append("}}\n");
    }

    private static void local(StringBuilder sb, long tNs, String component, String event, String conn, String more) {
        sb.append("{\"t\":").append(tNs * 1000).append(",\"component\":\"").append(component)
                .append("\",\"event\":\"").append(event).append("\",\"fields\":{");
        if (conn != null) {
            sb.append("\"conn\":\"").append(conn).append("\",");
        }
        sb.append(more).append("}}\n");
    }

    static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
