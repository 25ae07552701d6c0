package org.toesim.scenario.model;

import java.util.ArrayList;
import java.util.List;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.scenario.result.TimeSeries;

/**
 * Fills the run's {@link TimeSeries}: one reusable {@link Priority#OBSERVER} event, fired at
 * the end of each interval after everything else of that instant, samples per interval:
 * <pre>
 *   &lt;conn&gt;.cwndBytes, &lt;conn&gt;.throughputBitsPerSec, &lt;conn&gt;.srttPs   (Workloads)
 *   &lt;host&gt;.cpuUtilization                          busy ps of all cores / (interval x cores)
 *   &lt;host&gt;.pcieUtilizationToHost, ...ToDevice     busy ps of the link direction / interval
 *   &lt;host&gt;.cardUtilization, &lt;host&gt;.ccbOccupancy     TOE hosts: busy ps of the card cores / (interval x
 *                                                 cores); CCB slots in use at the sample;
 *   &lt;host&gt;.cardQueueDepth                        work items waiting for a card core at the sample
 * </pre>
 */
final class Sampler {
    private final Simulator sim;
    private final List<HostNode> hosts;
    private final Workloads workloads;
    private final TimeSeries series;
    private final long intervalPs;
    private final Event event;
    private final double[] row;
    private final long[] cpuBusyPs;
    private final long[] upBusyPs;
    private final long[] downBusyPs;
    private final long[] cardBusyPs;

    Sampler(Simulator sim, List<HostNode> hosts, Workloads workloads, long intervalPs) {
        this.sim = sim;
        this.hosts = hosts;
        this.workloads = workloads;
        this.intervalPs = intervalPs;
        List<String> cols = new ArrayList<>(workloads.seriesColumns());
        for (HostNode h : hosts) {
            cols.add(h.name() + ".cpuUtilization");
            cols.add(h.name() + ".pcieUtilizationToHost");
            cols.add(h.name() + ".pcieUtilizationToDevice");
            if (h.toe != null) {
                cols.add(h.name() + ".cardUtilization");
                cols.add(h.name() + ".ccbOccupancy");
                cols.add(h.name() + ".cardQueueDepth");
            }
        }
        this.series = new TimeSeries(intervalPs, cols);
        this.row = new double[cols.size()];
        this.cpuBusyPs = new long[hosts.size()];
        this.upBusyPs = new long[hosts.size()];
        this.downBusyPs = new long[hosts.size()];
        this.cardBusyPs = new long[hosts.size()];
        this.event = sim.newEvent("sampler.sample", "sampler", Priority.OBSERVER, this::sample);
    }

    /** Starts sampling now: rows are taken at the multiples of the interval after now. */
    void start() {
        rebase();
        sim.scheduleAt(event, (sim.now() / intervalPs + 1) * intervalPs);
    }

    /** Takes the current totals as the start of the interval (after a statistics reset). */
    void rebase() {
        for (int i = 0; i < hosts.size(); i++) {
            HostNode h = hosts.get(i);
            cpuBusyPs[i] = cpuBusy(h);
            upBusyPs[i] = h.pcie.upstreamStats().busyPs();
            downBusyPs[i] = h.pcie.downstreamStats().busyPs();
            cardBusyPs[i] = cardBusy(h);
        }
    }

    /** Busy ps of all the card's cores since construction (the card's counters are not reset at warm-up). */
    private static long cardBusy(HostNode h) {
        long sum = 0;
        if (h.toe != null) {
            for (int k = 0; k < h.toe.processor().cores(); k++) {
                sum += h.toe.processor().coreBusyPs(k);
            }
        }
        return sum;
    }

    private static long cpuBusy(HostNode h) {
        long sum = 0;
        for (int c = 0; c < h.cpu.cores(); c++) {
            sum += h.cpu.busyPs(c);
        }
        return sum;
    }

    private void sample() {
        int k = workloads.seriesColumns().size();
        workloads.sample(row, 0, intervalPs);
        for (int i = 0; i < hosts.size(); i++) {
            HostNode h = hosts.get(i);
            long cpu = cpuBusy(h);
            long up = h.pcie.upstreamStats().busyPs();
            long down = h.pcie.downstreamStats().busyPs();
            row[k++] = (double) (cpu - cpuBusyPs[i]) / ((double) intervalPs * h.cpu.cores());
            row[k++] = (double) (up - upBusyPs[i]) / intervalPs;
            row[k++] = (double) (down - downBusyPs[i]) / intervalPs;
            cpuBusyPs[i] = cpu;
            upBusyPs[i] = up;
            downBusyPs[i] = down;
            if (h.toe != null) {
                long card = cardBusy(h);
                row[k++] = (double) (card - cardBusyPs[i]) / ((double) intervalPs * h.toe.processor().cores());
                row[k++] = h.toe.ccbSlotsInUse();
                row[k++] = h.toe.processor().queueDepthNow();
                cardBusyPs[i] = card;
            }
        }
        series.addRow(sim.now(), row);
        sim.scheduleIn(event, intervalPs);
    }

    TimeSeries series() {
        return series;
    }
}
