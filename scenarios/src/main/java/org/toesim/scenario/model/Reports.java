package org.toesim.scenario.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.toesim.host.socket.Socket;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.scenario.result.HandoffEvent;
import org.toesim.core.event.TrajectoryDigest;
import org.toesim.host.cpu.CostCategory;
import org.toesim.scenario.result.BuildInfo;
import org.toesim.scenario.result.HostReport;
import org.toesim.scenario.result.LatencyReport;
import org.toesim.scenario.result.LatencySamples;
import org.toesim.scenario.result.ResultJson;
import org.toesim.scenario.result.NicReport;
import org.toesim.scenario.result.SummaryReport;

/**
 * Turns a finished {@link Topology} into the {@link SummaryReport}. All figures cover the time
 * after warm-up.
 * <ul>
 *   <li>host {@code cpuUtilization}: busy fraction of all cores; {@code cyclesPerByteRx/Tx}:
 *       the host's network cycles (every cost category except APPLICATION) divided by the
 *       payload bytes its applications received / sent (0 when none). In a one-way transfer the
 *       receiver's Rx and the sender's Tx figure are the meaningful ones.</li>
 *   <li>NIC PCIe utilisation: busy fraction of each link direction.</li>
 * </ul>
 */
final class Reports {
    private Reports() {
    }

    /** Every row's latencies (request-response connections, short-connection workloads), in row order. */
    static List<LatencySamples> latencySamples(Topology t) {
        List<LatencySamples> out = new ArrayList<>();
        for (int i = 0; i < t.workloads.ids().size(); i++) {
            Conn c = t.workloads.conn(i);
            LatencySamples s = c == null ? null : c.latencySamples();
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * When each connection row's connection was installed on a card or taken back, in time order
     * (rows whose sockets the model does not keep, short connections, are left out).
     */
    static List<HandoffEvent> handoffs(Topology t) {
        Map<FourTuple, String> rowOf = new HashMap<>();
        for (int i = 0; i < t.workloads.ids().size(); i++) {
            Conn c = t.workloads.conn(i);
            if (c != null) {
                for (Socket s : c.sockets()) {
                    FourTuple tuple = s.stats().tuple();
                    rowOf.put(tuple, c.id());
                    rowOf.put(tuple.reversed(), c.id());
                }
            }
        }
        List<HandoffEvent> out = new ArrayList<>();
        for (HostNode h : t.hosts.values()) {
            if (h.offloadIo != null) {
                for (OffloadSocketIo.HandoffMark m : h.offloadIo.marks()) {
                    String row = rowOf.get(m.tuple());
                    if (row != null) {
                        out.add(new HandoffEvent(m.timePs(), row, h.name(), m.offloaded()));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparingLong(HandoffEvent::timePs)); // stable: hosts in scenario order at one instant
        return out;
    }

    static SummaryReport summary(Topology t, TrajectoryDigest digest, long wallTimeMs, RunLoop.End end,
                                 List<LatencySamples> latencies) {
        long now = t.sim.now();
        List<HostReport> hosts = new ArrayList<>();
        List<NicReport> nics = new ArrayList<>();
        for (HostNode h : t.hosts.values()) {
            long cycles = networkCycles(h);
            long rx = t.workloads.bytesReceivedBy(h.name());
            long tx = t.workloads.bytesSentBy(h.name());
            hosts.add(new HostReport(h.name(), h.cpu.utilisation(), perByte(cycles, rx), perByte(cycles, tx),
                    h.qdiscDrops(), cores(h, now - Math.min(now, t.scenario.warmUpPs()))));
            nics.add(h.nicReport(now));
        }
        List<LatencyReport> latencyReports = new ArrayList<>();
        for (LatencySamples l : latencies) {
            latencyReports.add(LatencyReport.of(l));
        }
        return new SummaryReport(t.scenario.name(), t.scenario.seed(), end.status(), end.reason(), now, wallTimeMs,
                t.sim.eventsRun(), t.workloads.reports(now, t.hosts), hosts, nics, t.network.linkReports(now), digest.hex(),
                latencyReports, t.workloads.bottlenecks(now), BuildInfo.CURRENT, ResultJson.MAPPER.valueToTree(t.scenario));
    }

    /** Each core's utilisation and its split by cost category over the {@code elapsedPs} since warm-up. */
    private static List<HostReport.CoreReport> cores(HostNode h, long elapsedPs) {
        List<HostReport.CoreReport> out = new ArrayList<>();
        double capacityCycles = (double) h.cpu.clockHz() * elapsedPs / org.toesim.core.units.Units.PS_PER_S;
        for (int c = 0; c < h.cpu.cores(); c++) {
            Map<String, Double> by = new java.util.LinkedHashMap<>();
            for (CostCategory k : CostCategory.values()) {
                long cycles = h.cpu.cycles(c, k);
                if (cycles > 0 && capacityCycles > 0) {
                    by.put(camel(k.name()), cycles / capacityCycles);
                }
            }
            out.add(new HostReport.CoreReport(c, h.cpu.utilisation(c), by));
        }
        return out;
    }

    /** PROTOCOL_RX -&gt; protocolRx. */
    static String camel(String constant) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : constant.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }

    /** Host cycles spent on networking since warm-up: every category except application work. */
    static long networkCycles(HostNode h) {
        long sum = 0;
        for (CostCategory c : CostCategory.values()) {
            if (c != CostCategory.APPLICATION) {
                sum += h.cpu.cycles(c);
            }
        }
        return sum;
    }

    private static double perByte(long cycles, long bytes) {
        return bytes == 0 ? 0.0 : (double) cycles / bytes;
    }
}
