package org.toesim.scenario.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.toesim.core.units.Units;

/**
 * Estimates what a run will cost before anything is built, and refuses a scenario that cannot
 * finish or fit (a {@code "1ps"} time series over 60 s, a 2^63-byte transfer, ten thousand
 * hosts) with a message saying what to change, instead of an out-of-memory error or a run
 * without end.
 *
 * <pre>
 *   events  = per workload: segments (bytes / MSS, both directions) x EVENTS_PER_SEGMENT
 *             + per connection set-up and tear-down, bounded by what the host's link can carry
 *             in the run's time; + samples; + per-host periodic timers
 *   memory  = hosts x HOST_BYTES + connections x CONNECTION_BYTES (+ socket buffers and bulk
 *             application buffers, ioSize x calls in flight, with tcp.realBytes) + time-series
 *             samples x columns x 8 B
 *   refuse  events &gt; budget.maxEvents, memory &gt; budget.maxMemory (0 = no limit);
 *           a transfer that even at line rate cannot end before stop.limit
 * </pre>
 * The constants are measured on the model (see scenarios/README.md) and rounded up.
 */
final class Budget {
    /** Events per data segment on the plain-NIC path (21.6 measured in the S1 bench), rounded up. */
    static final double EVENTS_PER_SEGMENT = 30;
    /** Events to open and close one connection (S3 bench: 892 per 16 KiB connection, most of them data). */
    static final double EVENTS_PER_CONNECTION = 400;
    /**
     * Heap per host: CPU, PCIe, rings, driver, host stack, buffers (measured: 400 hosts, half of
     * them TOEs, with 200 bulk connections running hold 229 MB after a GC, 0.57 MB per host).
     */
    static final long HOST_BYTES = 1L << 20;
    /** Heap per connection without real bytes (TCB, socket, reassembly, statistics). */
    static final long CONNECTION_BYTES = 64L << 10;
    /** The offload manager looks at a TOE host's connections every 100 us. */
    static final long TOE_POLICY_PERIOD_PS = 100 * Units.PS_PER_US;
    /** Where the estimate assumes a run of unknown length ends: 10 ms past its last expected transfer. */
    static final long SLACK_PS = 10 * Units.PS_PER_MS;

    private Budget() {
    }

    /** Adds a problem if {@code s} exceeds its budget or cannot finish; linear in the scenario. */
    static void check(Scenario s, List<ScenarioValidator.Issue> issues) {
        Map<String, Long> hostRate = hostRates(s);
        boolean duration = s.stop().until() == StopMode.DURATION;
        long endPs = duration ? s.stop().durationPs() : s.stop().limitPs();
        double events = 0;
        double connections = 0;
        double bufferBytes = 0;
        double rows = 0;
        double lastEndPs = 0;
        double biggest = -1;
        String biggestPath = "stop";
        for (int i = 0; i < s.workloads().size(); i++) {
            WorkloadSpec w = s.workloads().get(i);
            long rate = Math.min(hostRate.getOrDefault(w.from(), LinkSpec.DEFAULT_RATE_BITS_PER_SEC),
                    hostRate.getOrDefault(w.to(), LinkSpec.DEFAULT_RATE_BITS_PER_SEC));
            Cost c = cost(w);
            // the least time the bytes need on the slower of the two hosts' links
            double needPs = c.oneWayBytes * 8.0 * Units.PS_PER_S / rate;
            if (w instanceof PacedStreamWorkload p) {
                needPs = Math.max(needPs, p.sizeBytes() * 8.0 * Units.PS_PER_S / p.rateBitsPerSec());
            }
            if (!duration && w.startPs() + needPs > endPs) {
                issues.add(new ScenarioValidator.Issue("workloads[" + i + "]." + c.field, String.format(Locale.ROOT,
                        "cannot finish before stop.limit %s: its %s need at least %s at the line rate of %s",
                        Units.formatDuration(endPs), bytes(c.oneWayBytes), time(needPs), Units.formatRate(rate)),
                        "a smaller transfer, a later stop.limit, or stop.duration to run for a fixed time", ""));
                return;
            }
            lastEndPs = Math.max(lastEndPs, w.startPs() + needPs);
            double activePs = Math.max(0, endPs - w.startPs());
            double carried = activePs * rate / 8.0 / Units.PS_PER_S * 2;
            double segments = Math.min(c.bytes, carried) / estimateMss(w.tcp()) + c.messages;
            double mine = segments * EVENTS_PER_SEGMENT + c.connections * EVENTS_PER_CONNECTION;
            if (mine > biggest) {
                biggest = mine;
                biggestPath = "workloads[" + i + "]." + c.field;
            }
            events += mine;
            connections += c.connections;
            rows += c.rows;
            if (w.tcp().realBytes()) {
                bufferBytes += Math.min(c.connections, 1e6) * 2.0 * (w.tcp().sendBufferBytes() + w.tcp().receiveBufferBytes());
                if (w instanceof BulkWorkload b) {
                    // application buffers hold real bytes too: one per call in flight (TOE defaults 16 + 8)
                    int calls = (b.sendsInFlight() == BulkWorkload.BY_HOST ? 16 : b.sendsInFlight())
                            + (b.receivesPosted() == BulkWorkload.BY_HOST ? 8 : b.receivesPosted());
                    bufferBytes += Math.min(c.connections, 1e6) * (double) b.ioBytes() * calls;
                }
            }
        }
        double runPs = duration ? endPs : Math.min(endPs, lastEndPs * 2 + SLACK_PS);
        events += periodic(s, runPs);
        double samples = s.outputs().timeSeriesIntervalPs() > 0 ? (double) endPs / s.outputs().timeSeriesIntervalPs() : 0;
        double columns = 2 * rows + 3.0 * s.hosts().size();
        double memory = s.hosts().size() * (double) HOST_BYTES + Math.min(connections, 1e6) * CONNECTION_BYTES
                + bufferBytes + samples * (columns * 8 + 16);
        over(s, issues, new Estimate(events, memory, samples, columns, biggestPath));
    }

    /** What {@link #check} estimated; {@code eventsPath} is the field of the costliest workload. */
    private record Estimate(double events, double memory, double samples, double columns, String eventsPath) {
    }

    /**
     * At most one problem: memory first (exceeding it is the crash), then events; placed at the
     * field to change (outputs.timeSeries, hosts, or the costliest workload's size).
     */
    private static void over(Scenario s, List<ScenarioValidator.Issue> issues, Estimate e) {
        BudgetSpec b = s.budget();
        if (b.maxMemoryBytes() > 0 && e.memory > b.maxMemoryBytes()) {
            boolean series = e.samples * e.columns * 8 > e.memory / 2;
            String why = String.format(Locale.ROOT, " (%d hosts, %.3g time-series samples x %.0f columns%s)",
                    s.hosts().size(), e.samples, e.columns, series ? ": raise outputs.timeSeries or set it to 0" : "");
            issues.add(new ScenarioValidator.Issue(series ? "outputs.timeSeries" : "hosts", "the run needs about "
                    + bytes(e.memory) + " of memory" + why + ", more than budget.maxMemory "
                    + Units.formatSize(b.maxMemoryBytes()),
                    "a smaller scenario, or a larger budget (--set budget.maxMemory=0 for no limit)", ""));
        } else if (b.maxEvents() > 0 && e.events > b.maxEvents()) {
            issues.add(new ScenarioValidator.Issue(e.eventsPath, String.format(Locale.ROOT,
                    "the run needs about %.3g simulation events (~%s of wall time at 5 M events/s), more than "
                            + "budget.maxEvents %d", e.events, time(e.events / 5e6 * Units.PS_PER_S), b.maxEvents()),
                    "smaller transfers or fewer connections, a shorter stop, or a larger budget "
                            + "(--set budget.maxEvents=0 for no limit)", ""));
        }
    }

    /** Timers that tick whether or not data moves: TOE policy checks, samples, the done poll. */
    private static double periodic(Scenario s, double runPs) {
        double toeHosts = 0;
        for (HostSpec h : s.hosts()) {
            if (h.nic().model() == NicModel.TOE) {
                toeHosts++;
            }
        }
        double events = toeHosts * runPs / TOE_POLICY_PERIOD_PS;
        if (s.outputs().timeSeriesIntervalPs() > 0) {
            events += runPs / s.outputs().timeSeriesIntervalPs();
        }
        return events + s.faults().size() * 1000.0 + s.hosts().size() * 1000.0;
    }

    /**
     * One workload's bytes (both directions), bytes in its busier direction (they share one
     * link direction, so their line-rate time is a lower bound on the run), application
     * messages, connections, time-series rows, and the field that sets its size.
     */
    private record Cost(double bytes, double oneWayBytes, double messages, double connections, double rows,
                        String field) {
    }

    private static Cost cost(WorkloadSpec w) {
        if (w instanceof BulkWorkload b) {
            double total = (double) b.sizeBytes() * b.connections();
            return new Cost(total, total, 0, b.connections(), b.connections(), "size");
        } else if (w instanceof RequestResponseWorkload r) {
            double n = (double) r.requests() * r.connections();
            return new Cost(n * ((double) r.requestBytes() + r.responseBytes()),
                    n * Math.max(r.requestBytes(), r.responseBytes()), 2 * n, r.connections(), r.connections(),
                    "requests");
        } else if (w instanceof ShortConnectionsWorkload sc) {
            double oneWay = (double) sc.count() * sc.sizeBytes();
            return new Cost(2 * oneWay, oneWay, 0, sc.count(), 1, "count");
        } else if (w instanceof PacedStreamWorkload p) {
            return new Cost(p.sizeBytes(), p.sizeBytes(), (double) p.sizeBytes() / p.chunkBytes(), 1, 1, "size");
        }
        return new Cost(0, 0, 0, 0, 0, "type");
    }

    /**
     * The MSS to count segments with: the file's, or 1460 when each host derives it from its MTU
     * (the smallest default MTU's; a jumbo MTU only makes the estimate conservative).
     */
    private static double estimateMss(TcpSpec tcp) {
        return tcp.mssBytes() > 0 ? tcp.mssBytes() : 1460;
    }

    /** Each host's line rate: that of the link it is on (validated: at most one). */
    private static Map<String, Long> hostRates(Scenario s) {
        Map<String, Long> rates = new HashMap<>();
        for (LinkSpec l : s.links()) {
            for (String end : l.between()) {
                rates.putIfAbsent(end, l.rateBitsPerSec());
            }
        }
        return rates;
    }

    private static String bytes(double b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.3g GiB", b / (1L << 30));
        }
        return b >= 1 << 20 ? String.format(Locale.ROOT, "%.3g MiB", b / (1 << 20)) : Units.formatSize((long) b);
    }

    private static String time(double ps) {
        if (ps >= 365 * 86_400.0 * Units.PS_PER_S) {
            return String.format(Locale.ROOT, "%.3g years", ps / Units.PS_PER_S / 86_400 / 365);
        }
        if (ps >= 86_400.0 * Units.PS_PER_S) {
            return String.format(Locale.ROOT, "%.3g days", ps / Units.PS_PER_S / 86_400);
        }
        if (ps >= Units.PS_PER_S) {
            return String.format(Locale.ROOT, "%.3gs", ps / Units.PS_PER_S);
        }
        return Units.formatDuration((long) Math.ceil(ps));
    }
}
