package org.toesim.scenario.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.toesim.core.event.Event;
import org.toesim.core.event.EventListener;
import org.toesim.core.event.TrajectoryDigest;
import org.toesim.core.trace.TraceRecord;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.trace.TraceSinks;
import org.toesim.core.units.Units;
import org.toesim.host.stack.HostConnection;
import org.toesim.nic.pcie.LinkStats;
import org.toesim.nic.ring.RingIndices;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioException;
import org.toesim.scenario.spec.StopMode;
import org.toesim.tcp.engine.TcpConnection;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.trace.TcpTrace;

/**
 * One scenario built and held before its first event, run one event at a time: the engine of
 * {@code toesim step}. The same {@link Topology} as {@code toesim run} (one implementation of
 * the model); every trace record an event writes is handed back with the step.
 *
 * <pre>
 *   open(s)  --&gt; Topology.build (drivers attach: the capability query runs here, its records
 *                are {@link #bootRecords()})  --&gt; held before the first workload event
 *   step()   --&gt; sim.step(): one event; Step(index, time, kind, owner, records it wrote)
 *   finished --&gt; no event left, every workload done (stop: workloadsDone), or the stop time passed
 * </pre>
 */
public final class StepSession implements AutoCloseable {
    /** A trace record with its time and component, as the sink received it. */
    public record Line(long timePs, String component, TraceRecord record) {
    }

    /** One executed event and what it wrote to the trace. */
    public record Step(long index, long timePs, String kind, String owner, List<Line> records) {
    }

    private final Topology topology;
    private final RunOutputs outputs;
    private final List<Line> pending = new ArrayList<>();
    private final List<Line> boot;
    /** Connections in order of first appearance, keyed by their endpoints in canonical order. */
    private final Map<String, FourTuple> connections = new LinkedHashMap<>();
    private final long endPs;

    private StepSession(Scenario scenario, Path outDir) throws ScenarioException, SimulationException {
        Scenario s = outDir == null ? scenario : scenario.withOutputs(scenario.outputs().orWith(false, true));
        this.outputs = new RunOutputs(s, outDir);
        TraceSink collect = new TraceSink() {
            @Override
            public void record(long timePs, String component, TraceRecord record) {
                pending.add(new Line(timePs, component, record));
                if (record instanceof TcpTrace.StateChange sc) {
                    connections.putIfAbsent(key(sc.conn()), sc.conn());
                }
            }
        };
        TraceSink sink = TraceSinks.tee(List.of(collect, outputs.trace));
        RunOutputs routed = outputs.withTrace(sink);
        EventListener none = new TrajectoryDigest();
        RunLoop.logStart(s);
        this.topology = Topology.build(s, routed, none, true, null);
        this.boot = List.copyOf(pending);
        pending.clear();
        this.endPs = RunLoop.endPs(s.stop());
    }

    /** Builds {@code scenario}; with {@code outDir} the trace is also written to {@code outDir/trace.jsonl}. */
    public static StepSession open(Scenario scenario, Path outDir) throws ScenarioException, SimulationException {
        return new StepSession(scenario, outDir);
    }

    /** Records written while the model was built: the drivers' attach and capability query. */
    public List<Line> bootRecords() {
        return boot;
    }

    public long nowPs() {
        return topology.sim.now();
    }

    public long eventsRun() {
        return topology.sim.eventsRun();
    }

    /** The scenario held. */
    public Scenario scenario() {
        return topology.scenario;
    }

    /** The next event (kind and owner), or null when none is left. */
    public Event peek() {
        return topology.sim.peekNext();
    }

    /** Whether the run has reached its stop condition (nothing more to step). */
    public boolean finished() {
        Event next = peek();
        return next == null || next.timePs() > endPs
                || topology.scenario.stop().until() == StopMode.WORKLOADS_DONE && topology.workloads.allDone();
    }

    /** Runs the next event; null if {@link #finished()}. */
    public Step step() {
        if (finished()) {
            return null;
        }
        Event e = peek();
        String kind = e.kind();
        String owner = e.owner();
        long t = e.timePs();
        topology.sim.step();
        List<Line> out = List.copyOf(pending);
        pending.clear();
        return new Step(topology.sim.eventsRun(), t, kind, owner, out);
    }

    /** The connections seen so far (from their first state change), numbered from 1 in that order. */
    public List<FourTuple> connections() {
        return new ArrayList<>(connections.values());
    }

    /** The host names, in file order. */
    public List<String> hosts() {
        return new ArrayList<>(topology.hosts.keySet());
    }

    /**
     * Connection {@code number} (from 1) as people read it: on each host that holds an end,
     * where it runs (host stack or card) and its CCB fields. Null if there is no such connection.
     */
    public List<String> showConnection(int number) {
        List<FourTuple> all = connections();
        if (number < 1 || number > all.size()) {
            return null;
        }
        FourTuple t = all.get(number - 1);
        List<String> out = new ArrayList<>();
        out.add("connection " + number + ": " + t.traceText());
        for (HostNode h : topology.hosts.values()) {
            FourTuple local = h.ip == t.localIp() ? t : h.ip == t.remoteIp() ? t.reversed() : null;
            if (local == null) {
                continue;
            }
            HostConnection hc = h.stack.connection(local);
            TcpConnection onCard = h.toe == null ? null : h.toe.engineOf(local);
            TcpConnection onHost = hc == null ? null : hc.engineView();
            String where = onCard != null ? "card (offloaded)" : hc == null ? "closed (no socket)"
                    : "host stack (" + hc.placement().name().toLowerCase() + ")";
            out.add("  " + h.name() + " " + local.traceText() + ": runs on " + where);
            TcpConnection engine = onCard != null ? onCard : onHost;
            if (engine != null) {
                out.addAll(ccbFields(engine));
            }
        }
        return out;
    }

    /** The CCB fields of an engine, one line each group. */
    static List<String> ccbFields(TcpConnection e) {
        List<String> out = new ArrayList<>();
        out.add("    state " + e.state());
        out.add("    snd.una " + Integer.toUnsignedString(e.sndUna()) + "  snd.nxt " + Integer.toUnsignedString(e.sndNxt())
                + "  rcv.nxt " + Integer.toUnsignedString(e.rcvNxt()));
        out.add("    unacked " + e.unackedBytes() + " B  send space " + e.sendSpaceBytes() + " B  readable "
                + e.readableBytes() + " B  receive buffer " + e.receiveBufferBytes() + " B");
        out.add("    snd.wnd " + e.sndWndBytes() + " B  rcv.wnd " + e.rcvWndBytes() + " B");
        out.add("    cwnd " + e.cwndBytes() + " B  ssthresh " + (e.ssthreshBytes() >= Integer.MAX_VALUE ? "inf"
                : e.ssthreshBytes() + " B"));
        out.add("    srtt " + Units.formatTime(e.srttPs()) + "  rto " + Units.formatTime(e.rtoPs())
                + "  timer " + e.timerKind() + (e.nextWakeupPs() == Long.MAX_VALUE ? ""
                : " at " + Units.formatTime(e.nextWakeupPs())));
        return out;
    }

    /** Each TOE host's CCB table: capacity, occupancy and rows. */
    public List<String> showCcbTable() {
        List<String> out = new ArrayList<>();
        for (HostNode h : topology.hosts.values()) {
            if (h.toe == null) {
                out.add(h.name() + ": no TOE (plain NIC)");
                continue;
            }
            out.add(h.name() + ": CCB table " + h.toe.ccbTable().occupied() + " of " + h.toe.ccbTable().capacity()
                    + " entries in use");
            for (String row : h.toe.ccbRows()) {
                out.add("  " + row);
            }
        }
        return out;
    }

    /** Every adapter ring's indices. */
    public List<String> showRings() {
        List<String> out = new ArrayList<>();
        for (HostNode h : topology.hosts.values()) {
            List<RingIndices> rings = h.toe != null ? h.toe.ringIndices() : h.plainNic.ringIndices();
            for (RingIndices r : rings) {
                StringBuilder b = new StringBuilder("  " + h.name() + " " + r.ring() + " (" + r.sizeSlots() + " slots):");
                for (int i = 0; i < r.names().length; i++) {
                    b.append(' ').append(r.names()[i]).append('=').append(r.indices()[i]);
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    /** Each host's CPU cores: queued work, backlog, utilisation so far. */
    public List<String> showCpu() {
        List<String> out = new ArrayList<>();
        for (HostNode h : topology.hosts.values()) {
            for (int c = 0; c < h.cpu.cores(); c++) {
                out.add(String.format(java.util.Locale.ROOT, "  %s core %d: %s, %d queued, backlog %s, busy %.1f %%",
                        h.name(), c, h.cpu.isIdle(c) ? "idle" : "busy", h.cpu.queuedItems(c),
                        Units.formatTime(h.cpu.backlogPs(c)), 100 * h.cpu.utilisation(c)));
            }
        }
        return out;
    }

    /** Each host's PCIe link: messages, TLPs, bytes and utilisation per direction. */
    public List<String> showPcie() {
        List<String> out = new ArrayList<>();
        for (HostNode h : topology.hosts.values()) {
            out.add("  " + h.name() + " " + h.pcie.spec().generation() + " x" + h.pcie.spec().lanes() + ": down "
                    + link(h.pcie.downstreamStats()) + "; up " + link(h.pcie.upstreamStats()));
        }
        return out;
    }

    private static String link(LinkStats s) {
        return String.format(java.util.Locale.ROOT, "%d messages, %d TLPs, %d payload B, %.1f %% busy", s.messages(),
                s.tlps(), s.payloadBytes(), 100 * s.utilisation());
    }

    private static String key(FourTuple t) {
        String a = t.traceText();
        String b = t.reversed().traceText();
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        outputs.close();
    }
}
