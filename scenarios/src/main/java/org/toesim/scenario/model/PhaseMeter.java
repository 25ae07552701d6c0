package org.toesim.scenario.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.toesim.core.units.Units;
import org.toesim.host.socket.Socket;
import org.toesim.host.socket.SocketStats;
import org.toesim.scenario.result.BottleneckReport;
import org.toesim.scenario.spec.BulkWorkload;
import org.toesim.scenario.spec.PacedStreamWorkload;
import org.toesim.scenario.spec.RequestResponseWorkload;
import org.toesim.scenario.spec.ShortConnectionsWorkload;
import org.toesim.scenario.spec.WorkloadSpec;
import org.toesim.tcp.engine.ConnectionStats;

/**
 * Reads every resource's busy time at each workload's start and end, for the
 * {@link BottleneckReport}: no events of its own (it reads at the workload start event, at the
 * workloads' done poll and at the end of the run), so a run's trajectory is the same with it.
 * <pre>
 *   workload.start --&gt; started(w): snapshot    warm-up reset --&gt; rebase: running windows restart
 *   donePoll       --&gt; poll: a workload whose rows are all done --&gt; ended(w): snapshot
 *   end of run     --&gt; report: open windows end now; utilisation = busy delta / window
 * </pre>
 */
final class PhaseMeter {
    private record Resource(String name, String kind, String hostA, String hostB, LongSupplier busyPs) {
        boolean touches(String host) {
            return host.equals(hostA) || host.equals(hostB);
        }
    }

    private final List<WorkloadSpec> workloads;
    private final int[] firstRow;
    private final List<Resource> resources = new ArrayList<>();
    private final long[][] startBusy;
    private final long[][] endBusy;
    private final long[] startPs;
    private final long[] endPs;
    private final int[] nextUndone;

    PhaseMeter(List<WorkloadSpec> workloads, int[] firstRow, List<HostNode> hosts, List<Network.WireEnd> wires) {
        this.workloads = workloads;
        this.firstRow = firstRow;
        for (HostNode h : hosts) {
            for (int c = 0; c < h.cpu.cores(); c++) {
                int core = c;
                resources.add(new Resource(h.name() + ".core" + c, "hostCore", h.name(), null, () -> h.cpu.busyPsNow(core)));
            }
            resources.add(new Resource(h.name() + ".pcie.toHost", "pcieToHost", h.name(), null,
                    () -> h.pcie.upstreamStats().busyPs()));
            resources.add(new Resource(h.name() + ".pcie.toDevice", "pcieToDevice", h.name(), null,
                    () -> h.pcie.downstreamStats().busyPs()));
            if (h.toe != null) {
                for (int c = 0; c < h.toe.processor().cores(); c++) {
                    int core = c;
                    resources.add(new Resource(h.name() + ".card.core" + c, "cardCore", h.name(), null,
                            () -> h.toe.processor().coreBusyPs(core)));
                }
            }
        }
        for (Network.WireEnd w : wires) {
            resources.add(new Resource(w.link() + " " + w.from() + "->" + w.to(), "wire", w.from(), w.to(),
                    () -> w.sender().stats().txWirePs.value()));
        }
        int n = workloads.size();
        startBusy = new long[n][];
        endBusy = new long[n][];
        startPs = new long[n];
        endPs = new long[n];
        nextUndone = new int[n];
        for (int w = 0; w < n; w++) {
            startPs[w] = -1;
            endPs[w] = -1;
            nextUndone[w] = firstRow[w];
        }
    }

    private long[] snapshot() {
        long[] v = new long[resources.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = resources.get(i).busyPs().getAsLong();
        }
        return v;
    }

    /** Workload {@code w} started now. */
    void started(int w, long nowPs) {
        startPs[w] = nowPs;
        startBusy[w] = snapshot();
    }

    /** The statistics were reset now (warm-up): windows still open restart here, on the reset counters. */
    void rebase(long nowPs) {
        long[] now = null;
        for (int w = 0; w < startPs.length; w++) {
            if (startPs[w] >= 0 && endPs[w] < 0) {
                now = now == null ? snapshot() : now;
                startPs[w] = nowPs;
                startBusy[w] = now;
            }
        }
    }

    /** Ends the window of every started workload whose rows are now all done (amortised O(1) per row). */
    void poll(long nowPs, Conn[] conns) {
        for (int w = 0; w < startPs.length; w++) {
            if (startPs[w] < 0 || endPs[w] >= 0) {
                continue;
            }
            while (nextUndone[w] < firstRow[w + 1] && conns[nextUndone[w]] != null && conns[nextUndone[w]].done()) {
                nextUndone[w]++;
            }
            if (nextUndone[w] == firstRow[w + 1]) {
                endPs[w] = nowPs;
                endBusy[w] = snapshot();
            }
        }
    }

    /** One report per workload; windows still open end at {@code nowPs}. */
    List<BottleneckReport> reports(long nowPs, Conn[] conns) {
        List<BottleneckReport> out = new ArrayList<>();
        long[] now = null;
        for (int w = 0; w < startPs.length; w++) {
            WorkloadSpec spec = workloads.get(w);
            if (startPs[w] < 0) {
                out.add(new BottleneckReport(spec.name(), spec.type(), -1, -1, false, "none",
                        "not started", List.of(), null));
                continue;
            }
            boolean finished = endPs[w] >= 0;
            if (!finished && now == null) {
                now = snapshot();
            }
            long from = startPs[w];
            long until = finished ? endPs[w] : nowPs;
            long[] end = finished ? endBusy[w] : now;
            List<BottleneckReport.ResourceUse> uses = new ArrayList<>();
            for (int i = 0; i < resources.size(); i++) {
                Resource r = resources.get(i);
                if (r.touches(spec.from()) || r.touches(spec.to())) {
                    double u = until > from ? (double) (end[i] - startBusy[w][i]) / (until - from) : 0;
                    uses.add(new BottleneckReport.ResourceUse(r.name(), r.kind(), Math.max(0, Math.min(1, u))));
                }
            }
            // busiest first; equal figures keep the resources' build order (stable sort)
            uses.sort(Comparator.comparingDouble(BottleneckReport.ResourceUse::utilization).reversed());
            BottleneckReport.SendShares shares = shares(conns, firstRow[w], firstRow[w + 1], spec.from());
            long delivered = 0;
            for (int i = firstRow[w]; i < firstRow[w + 1]; i++) {
                delivered += conns[i] == null ? 0 : conns[i].deliveredBytes();
            }
            double achievedBitsPerSec = until > from ? delivered * 8.0 * org.toesim.core.units.Units.PS_PER_S / (until - from) : 0;
            // each connection over its own life in the window: connections of one workload end at different times
            long lives = 0;
            for (int i = firstRow[w]; i < firstRow[w + 1]; i++) {
                Conn c = conns[i];
                if (c != null && c.startPs() >= 0) {
                    long last = c.done() && c.lastDeliveryPs() >= 0 ? Math.min(c.lastDeliveryPs(), until) : until;
                    lives += Math.max(0, last - Math.max(c.startPs(), from));
                }
            }
            double busyShare = shares == null || lives == 0 ? Double.NaN : (double) shares.busyPs() / lives;
            String[] limit = limit(spec, uses, shares, achievedBitsPerSec, busyShare);
            out.add(new BottleneckReport(spec.name(), spec.type(), from, until, finished, limit[0], limit[1], uses,
                    shares));
        }
        return out;
    }

    /** The data senders' time of rows [from, to): the socket on the workload's sending host. */
    private static BottleneckReport.SendShares shares(Conn[] conns, int from, int to, String sender) {
        long busy = 0;
        long cwnd = 0;
        long rwnd = 0;
        long paced = 0;
        boolean any = false;
        for (int i = from; i < to; i++) {
            if (conns[i] == null) {
                continue;
            }
            SocketStats best = null;
            for (Socket s : conns[i].sockets()) {
                SocketStats st = Conn.stats(s);
                if (st != null && (best == null || st.bytesOut() > best.bytesOut())) {
                    best = st;
                }
            }
            if (best != null && best.sendLimits() != null) {
                ConnectionStats.SendLimits l = best.sendLimits();
                busy += l.busyPs();
                cwnd += l.cwndLimitedPs();
                rwnd += l.rwndLimitedPs();
                paced += l.pacingLimitedPs();
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        return new BottleneckReport.SendShares(busy, busy == 0 ? 0 : (double) cwnd / busy,
                busy == 0 ? 0 : (double) rwnd / busy, busy == 0 ? 0 : (double) paced / busy);
    }

    /** {category, line} by the rules of {@link BottleneckReport}. */
    private static String[] limit(WorkloadSpec w, List<BottleneckReport.ResourceUse> uses,
                                  BottleneckReport.SendShares shares, double achievedBitsPerSec, double busyShare) {
        BottleneckReport.ResourceUse busiest = uses.isEmpty() ? null : uses.get(0);
        if (busiest != null && busiest.utilization() * 100 >= BottleneckReport.SATURATED_PERCENT) {
            String category = switch (busiest.kind()) {
                case "wire" -> "wire";
                case "pcieToHost", "pcieToDevice" -> "pcie";
                case "cardCore" -> "card";
                default -> "hostCpu";
            };
            String what = switch (category) {
                case "wire" -> "the wire";
                case "pcie" -> "PCIe";
                case "card" -> "a card core";
                default -> "a host core";
            };
            StringBuilder also = new StringBuilder();
            for (int i = 1; i < uses.size() && uses.get(i).utilization() * 100 >= BottleneckReport.SATURATED_PERCENT; i++) {
                also.append(also.length() == 0 ? "; also saturated: " : ", ").append(uses.get(i).resource()).append(' ')
                        .append(pct(uses.get(i).utilization()));
            }
            return new String[] {category, what + ": " + busiest.resource() + " " + pct(busiest.utilization())
                    + " busy" + also};
        }
        String busiestText = busiest == null ? "" : " (busiest: " + busiest.resource() + " " + pct(busiest.utilization()) + ")";
        if (shares != null && shares.rwndLimitedFraction() > 0.5) {
            return new String[] {"receiveWindow", "the receive window: it held the sender back "
                    + pct(shares.rwndLimitedFraction()) + " of its busy time" + busiestText};
        }
        if (shares != null && shares.cwndLimitedFraction() > 0.5) {
            return new String[] {"congestionWindow", "the congestion window (slow start, loss recovery, RTT): it held "
                    + "the sender back " + pct(shares.cwndLimitedFraction()) + " of its busy time" + busiestText};
        }
        if (shares != null && shares.pacingLimitedFraction() > 0.5) {
            return new String[] {"pacing", "the sender's pacing rate (BBR's model, or tcp.pacing): it held data the "
                    + "windows allowed " + pct(shares.pacingLimitedFraction()) + " of the busy time" + busiestText};
        }
        if (w instanceof RequestResponseWorkload) {
            return new String[] {"roundTrips", "round trips: one request outstanding per connection, no resource "
                    + "saturated" + busiestText};
        }
        double offered = w instanceof PacedStreamWorkload p ? p.rateBitsPerSec()
                : w instanceof ShortConnectionsWorkload sc ? sc.sizeBytes() * 8.0 * Units.PS_PER_S / sc.intervalPs() : 0;
        if (offered > 0) {
            String rates = "delivered " + mbps(achievedBitsPerSec) + " of the offered " + mbps(offered);
            if (achievedBitsPerSec >= 0.9 * offered) {
                return new String[] {"offeredLoad", "the offered load: " + rates + busiestText};
            }
            // it could not keep up, yet nothing above is saturated or window-bound: say so, don't guess
            return new String[] {"none", "none found: " + rates + " with no resource saturated and the senders "
                    + "not window-bound (lost handshakes waiting on timers? see the latencies)" + busiestText};
        }
        if (w instanceof BulkWorkload && busyShare < 0.9) {
            // TCP had nothing to send much of the time: the sending application (or, offloaded,
            // the send requests the host keeps in flight to the card) did not keep it supplied
            return new String[] {"application", "the sending application: TCP had data to send only "
                    + pct(busyShare) + " of its connections' lifetimes (send calls, or the offloaded send requests in flight)"
                    + busiestText};
        }
        double drained = shares == null ? 0
                : 1 - shares.cwndLimitedFraction() - shares.rwndLimitedFraction() - shares.pacingLimitedFraction();
        if (w instanceof BulkWorkload && drained > 0.5) {
            return new String[] {"application", "the sending application: TCP had sent all it was given "
                    + pct(drained) + " of its busy time, waiting for more (send calls, a send buffer smaller than the window, or the offloaded send requests "
                    + "in flight)" + busiestText};
        }
        return new String[] {"none", (w instanceof BulkWorkload ? "none found: no resource saturated and the sender "
                + "not window-limited" : "none found") + busiestText};
    }

    private static String mbps(double bitsPerSec) {
        return String.format(Locale.ROOT, "%.1f Mbit/s", bitsPerSec / 1e6);
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }
}
