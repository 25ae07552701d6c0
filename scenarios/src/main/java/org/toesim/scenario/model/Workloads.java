package org.toesim.scenario.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.units.Rates;
import org.toesim.scenario.result.BottleneckReport;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.StopMode;
import org.toesim.scenario.spec.BulkWorkload;
import org.toesim.scenario.spec.PacedStreamWorkload;
import org.toesim.scenario.spec.Problem;
import org.toesim.scenario.spec.RequestResponseWorkload;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioException;
import org.toesim.scenario.spec.ShortConnectionsWorkload;
import org.toesim.scenario.spec.VariationSpec;
import org.toesim.scenario.spec.WorkloadSpec;

/**
 * The traffic of a run: each {@link WorkloadSpec} becomes applications on the socket layer of
 * its two hosts, started by one event at its start time (or at boot end, if later; plus its
 * {@code variation.startJitter} draw, see {@link Variation}); each TCP
 * connection becomes a {@link Conn} and a row of the summary.
 *
 * <pre>
 *   check(s)         before building: options the model lacks fail here, nothing runs
 *   schedule(...)    after boot: one start event per workload
 *   done poll        every DONE_POLL_PS: all workloads done? --&gt; sim.stop() (until workloadsDone; a
 *                    duration run goes on to its end)
 * </pre>
 * Ports: a bulk workload's connection {@code k} goes to listening port
 * {@code port + (k mod serverPorts) * W} ({@code W} the number of workloads; by default
 * serverPorts = connections, one port each); a collision with another workload's port is an
 * input error, and so is more connections on one port than the client has ephemeral ports
 * (both found by {@code spec.ModelChecks} when the scenario is bound).
 */
final class Workloads {
    /** How often the stop condition "all workloads done" is evaluated. */
    static final long DONE_POLL_PS = 10_000_000L;

    private final Scenario scenario;
    /** Planned rows: connection ids in workload then connection order. */
    private final List<String> ids;
    private final List<String> idFrom;
    private final List<String> idTo;
    /** The rows' connections, null until their workload starts. */
    private final Conn[] conns;
    private final long[] baseDelivered;
    private final long[] sampleDelivered;
    private long warmUpPs;
    private int started;
    private boolean allDone;
    /** Rows before this one are done; a row once done stays done, so each poll resumes here. */
    private int firstUndone;
    private Watchdog watchdog;
    /** Busy time of the resources at each workload's start and end; null when not measured (step sessions). */
    private PhaseMeter meter;

    private Workloads(Scenario scenario, List<String> ids, List<String> idFrom, List<String> idTo) {
        this.scenario = scenario;
        this.ids = List.copyOf(ids);
        this.idFrom = List.copyOf(idFrom);
        this.idTo = List.copyOf(idTo);
        this.conns = new Conn[ids.size()];
        this.baseDelivered = new long[ids.size()];
        this.sampleDelivered = new long[ids.size()];
    }

    /** Rejects workloads this build cannot run, before anything is built; plans the rows. */
    static Workloads check(Scenario s) throws ScenarioException, SimulationException {
        List<String> ids = new ArrayList<>();
        List<String> from = new ArrayList<>();
        List<String> to = new ArrayList<>();
        for (int i = 0; i < s.workloads().size(); i++) {
            WorkloadSpec w = s.workloads().get(i);
            String path = "workloads[" + i + "]";
            if (w.tcp().realBytes() && w instanceof ShortConnectionsWorkload) {
                throw ModelUnavailable.missing(path + ".tcp.realBytes", "real payload bytes in a " + w.type()
                        + " workload", "a real-byte mode of the host-os short-connection client (bulk, "
                        + "request-response and paced workloads send and check real bytes)");
            }
            if (w.tcp().realBytes() && w instanceof PacedStreamWorkload p && p.chunkBytes() > Integer.MAX_VALUE) {
                throw problem(path + ".chunk", "real bytes need chunks below 2 GiB", "a smaller chunk");
            }
            if (w instanceof PacedStreamWorkload p && p.sizeBytes() % p.chunkBytes() != 0) {
                throw problem(path + ".size", "is not a whole number of chunks (" + p.chunkBytes() + " B)",
                        "a multiple of chunk");
            }
            if (w instanceof RequestResponseWorkload r && (r.requestBytes() > Integer.MAX_VALUE
                    || r.responseBytes() > Integer.MAX_VALUE)) {
                throw problem(path, "request or response larger than 2 GiB", "smaller messages");
            }
            if (w instanceof ShortConnectionsWorkload sc && sc.sizeBytes() > Integer.MAX_VALUE) {
                throw problem(path + ".size", "larger than 2 GiB", "a smaller size");
            }
            int rows = w instanceof BulkWorkload b ? b.connections()
                    : w instanceof RequestResponseWorkload r ? r.connections() : 1;
            for (int k = 0; k < rows; k++) {
                ids.add(w.name() + (w instanceof ShortConnectionsWorkload ? ".all" : ".c" + k));
                from.add(w.from());
                to.add(w.to());
            }
        }
        return new Workloads(s, ids, from, to);
    }

    private static ScenarioException problem(String path, String message, String expected) {
        return new ScenarioException(new Problem("<scenario>", 0, 0, path, message, expected, ""));
    }

    /** Schedules every workload's start (not before now) and the done poll. */
    /** Measures every workload's transfer phase for the bottleneck report (call before {@link #schedule}). */
    void measurePhases(List<HostNode> hosts, List<Network.WireEnd> wires) {
        int[] firstRow = new int[scenario.workloads().size() + 1];
        int row = 0;
        for (int w = 0; w < scenario.workloads().size(); w++) {
            firstRow[w] = row;
            String prefix = scenario.workloads().get(w).name() + ".";
            while (row < ids.size() && ids.get(row).startsWith(prefix)) {
                row++;
            }
        }
        firstRow[scenario.workloads().size()] = row;
        meter = new PhaseMeter(scenario.workloads(), firstRow, hosts, wires);
    }

    /** The bottleneck report of every workload, windows still open ending at {@code nowPs}; empty when not measured. */
    List<BottleneckReport> bottlenecks(long nowPs) {
        return meter == null ? List.of() : meter.reports(nowPs, conns);
    }

    void schedule(Simulator sim, RandomStreams streams, Map<String, HostNode> hosts) {
        int stride = Math.max(1, scenario.workloads().size());
        for (int index = 0; index < scenario.workloads().size(); index++) {
            WorkloadSpec w = scenario.workloads().get(index);
            int wi = index;
            HostNode from = hosts.get(w.from());
            HostNode to = hosts.get(w.to());
            Event e = sim.newEvent("workload.start", w.name(), Priority.NORMAL, () -> {
                place(start(w, from, to, streams, stride, scenario.variation()));
                started++;
                if (meter != null) {
                    meter.started(wi, sim.now());
                }
            });
            long skewPs = Variation.workloadStart(scenario.variation(), streams, w.name()).drawPs();
            sim.scheduleAt(e, Math.max(sim.now(), w.startPs()) + skewPs);
        }
        allDone = scenario.workloads().isEmpty();
        if (allDone) {
            return;
        }
        Event[] poll = new Event[1];
        Watchdog dog = Watchdog.of(scenario);
        watchdog = dog;
        poll[0] = sim.newEvent("workload.donePoll", "workloads", Priority.OBSERVER, () -> {
            if (meter != null) {
                meter.poll(sim.now(), conns);
            }
            if (everyConnectionDone()) {
                allDone = true;
                if (scenario.stop().until() == StopMode.WORKLOADS_DONE) {
                    sim.stop();
                } // a duration run goes on to its end: closes, TIME_WAIT and card teardown after the last byte
            } else if (dog != null && dog.stalled(sim.now(), this, hosts)) {
                sim.stop();
            } else {
                sim.scheduleIn(poll[0], DONE_POLL_PS);
            }
        });
        sim.scheduleIn(poll[0], DONE_POLL_PS);
    }

    /** Whether every row is done: amortised O(1) per poll (a scan from the start was O(rows) per poll). */
    private boolean everyConnectionDone() {
        if (started < scenario.workloads().size()) {
            return false;
        }
        while (firstUndone < conns.length && conns[firstUndone].done()) {
            firstUndone++;
        }
        return firstUndone == conns.length;
    }

    private static List<Conn> start(WorkloadSpec w, HostNode from, HostNode to, RandomStreams streams, int stride,
                                    VariationSpec variation) {
        if (w instanceof BulkWorkload b) {
            return BulkRun.start(b, from, to, stride, streams, variation);
        } else if (w instanceof RequestResponseWorkload r) {
            return RequestResponseRun.start(r, from, to, stride, streams, variation);
        } else if (w instanceof ShortConnectionsWorkload s) {
            return List.of(ShortConnectionsRun.start(s, from, to, streams));
        } else if (w instanceof PacedStreamWorkload p) {
            return List.of(PacedStreamRun.start(p, from, to, streams));
        }
        throw new IllegalStateException("unknown workload type " + w.type());
    }

    private void place(List<Conn> added) {
        for (Conn c : added) {
            conns[ids.indexOf(c.id())] = c;
        }
    }

    /** Why the watchdog ended the run, or null if it did not (or there is none). */
    String stallReason() {
        return watchdog != null && watchdog.fired() ? watchdog.reason() : null;
    }

    /** Workloads whose start event ran. */
    int started() {
        return started;
    }

    /** Whether every workload has finished (true when there are none). */
    boolean allDone() {
        return allDone;
    }

    /** The connection rows' ids, in report order. */
    List<String> ids() {
        return ids;
    }

    /** The connection of row {@code i}, or null before its workload started. */
    Conn conn(int i) {
        return conns[i];
    }

    /** Time-series column names: cwnd, throughput and smoothed RTT of each connection row. */
    List<String> seriesColumns() {
        List<String> cols = new ArrayList<>();
        for (String id : ids) {
            cols.add(id + ".cwndBytes");
            cols.add(id + ".throughputBitsPerSec");
            cols.add(id + ".srttPs");
        }
        return cols;
    }

    /** Writes this interval's values for {@link #seriesColumns()} into {@code row} from {@code offset}. */
    void sample(double[] row, int offset, long intervalPs) {
        int k = offset;
        for (int i = 0; i < conns.length; i++) {
            Conn c = conns[i];
            long delivered = c == null ? 0 : c.deliveredBytes();
            row[k++] = c == null ? 0 : c.cwndBytes();
            row[k++] = Rates.bitsPerSec(delivered - sampleDelivered[i], intervalPs);
            row[k++] = c == null ? 0 : c.srttPs();
            sampleDelivered[i] = delivered;
        }
    }

    /** Discards what was delivered before the warm-up boundary. */
    void resetAtWarmUp(long nowPs) {
        warmUpPs = nowPs;
        if (meter != null) {
            meter.rebase(nowPs);
        }
        for (int i = 0; i < conns.length; i++) {
            baseDelivered[i] = conns[i] == null ? 0 : conns[i].deliveredBytes();
        }
    }

    /** Payload bytes the applications on {@code host} received since warm-up. */
    long bytesReceivedBy(String host) {
        long sum = 0;
        for (int i = 0; i < conns.length; i++) {
            if (conns[i] != null && idTo.get(i).equals(host)) {
                sum += conns[i].deliveredBytes() - baseDelivered[i];
            }
        }
        return sum;
    }

    /** Payload bytes the applications on {@code host} sent (and had delivered) since warm-up. */
    long bytesSentBy(String host) {
        long sum = 0;
        for (int i = 0; i < conns.length; i++) {
            if (conns[i] != null && idFrom.get(i).equals(host)) {
                sum += conns[i].deliveredBytes() - baseDelivered[i];
            }
        }
        return sum;
    }

    /** One report per connection row, in workload then connection order. */
    List<ConnectionReport> reports(long endPs, Map<String, HostNode> hosts) {
        List<ConnectionReport> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Conn c = conns[i];
            if (c == null) {
                out.add(new ConnectionReport(ids.get(i), idFrom.get(i), idTo.get(i), 0, plannedBytes(i), false, 0, 0,
                        false, 0, "not started (the run ended before the workload's start time)",
                        "workload start time not reached", 0, 0));
                continue;
            }
            long delivered = c.deliveredBytes() - baseDelivered[i];
            long from = Math.max(c.startPs(), warmUpPs);
            long until = c.done() && c.lastDeliveryPs() >= 0 ? c.lastDeliveryPs() : endPs;
            double goodput = c.startPs() < 0 || until <= from ? 0 : Rates.bitsPerSec(delivered, until - from);
            long[] h = handoffs(c, hosts);
            boolean finished = c.done();
            out.add(new ConnectionReport(c.id(), c.from(), c.to(), delivered, c.expectedBytes() - baseDelivered[i],
                    finished, goodput, c.retransmits(), h[0] > 0, h[1], integrity(c),
                    finished ? null : WaitReasons.of(c, hosts), c.ceReceived(), c.ecnReductions()));
        }
        return out;
    }

    /** Payload bytes row {@code i} delivers when its workload runs (for rows not started). */
    private long plannedBytes(int i) {
        String workload = ids.get(i).substring(0, ids.get(i).lastIndexOf('.'));
        for (WorkloadSpec w : scenario.workloads()) {
            if (w.name().equals(workload)) {
                return w instanceof BulkWorkload b ? b.sizeBytes()
                        : w instanceof PacedStreamWorkload p ? p.sizeBytes()
                        : w instanceof ShortConnectionsWorkload sc ? sc.count() * sc.sizeBytes()
                        : w instanceof RequestResponseWorkload r ? r.requests() * (r.requestBytes() + r.responseBytes())
                        : 0;
            }
        }
        return 0;
    }

    /** {installs, flushes} of {@code c} on the TOE hosts at either end (whole run). */
    private static long[] handoffs(Conn c, Map<String, HostNode> hosts) {
        long[] sum = new long[2];
        for (String host : new String[] {c.from(), c.to()}) {
            HostNode n = hosts.get(host);
            if (n == null || n.offloadIo == null) {
                continue;
            }
            for (org.toesim.host.socket.Socket s : c.sockets()) {
                long[] h = n.offloadIo.handoffs(s.tuple());
                if (h != null) {
                    sum[0] += h[0];
                    sum[1] += h[1];
                    break;
                }
            }
        }
        return sum;
    }

    /**
     * Real bytes are compared with the sender's stream (the first wrong byte is reported);
     * virtual payload is checked by accounting: never more delivered than the workload sends,
     * and exactly all of it once the connection is done.
     */
    private static String integrity(Conn c) {
        String bytes = c.contentMismatch();
        if (bytes != null) {
            return bytes;
        }
        long got = c.deliveredBytes();
        if (got > c.expectedBytes()) {
            return "delivered " + got + " bytes, more than the " + c.expectedBytes() + " sent";
        }
        if (c.done() && got != c.expectedBytes()) {
            return "finished with " + got + " of " + c.expectedBytes() + " bytes delivered";
        }
        return ConnectionReport.INTEGRITY_OK;
    }
}
