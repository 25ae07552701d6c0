package org.toesim.scenario.model;

import java.util.Map;
import org.toesim.core.units.Rates;
import org.toesim.core.units.Units;
import org.toesim.scenario.spec.PacedStreamWorkload;
import org.toesim.scenario.spec.RequestResponseWorkload;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ShortConnectionsWorkload;
import org.toesim.scenario.spec.StopSpec;
import org.toesim.scenario.spec.WorkloadSpec;

/**
 * The progress watchdog of a {@code workloadsDone} run: checked from the workloads' done poll
 * (no event of its own, so trajectories and digests are unchanged), about 16 times per stall
 * timeout. Progress is the sum of bytes delivered to the applications, connections finished and
 * workloads started; it costs nothing per event.
 * <pre>
 *   progress moved            --&gt; remember (value, now)
 *   unchanged for timeout T   --&gt; no started, unfinished connection: fine (waiting for a start time)
 *                                 some end backs off with interval &lt;= T (and &lt; 3T stalled): still trying
 *                                 else: stalled --&gt; the run ends, status "stalled"
 * </pre>
 * A link that never comes back: the RTO doubles (1, 2, 4, 8, 16 s); once it exceeds T the run
 * is declared stalled (about 15 s after the loss at the defaults). An outage shorter than T is
 * survived: the retransmission that follows it is at most T after the previous one.
 */
final class Watchdog {
    /** Checks per stall timeout: the stall is declared at most T/16 late. */
    private static final int CHECKS_PER_TIMEOUT = 16;
    /** Intended pauses (think time, chunk period, connection interval) are scaled by this. */
    static final int PAUSE_FACTOR = 10;

    private final long timeoutPs;
    private final long checkEveryPolls;
    private long polls;
    private long lastProgress = -1;
    private long lastProgressPs;
    private long lastCheckPs;
    private long stalledAtPs = -1;

    private Watchdog(long timeoutPs) {
        this.timeoutPs = timeoutPs;
        this.checkEveryPolls = Math.max(1, timeoutPs / CHECKS_PER_TIMEOUT / Workloads.DONE_POLL_PS);
    }

    /** The watchdog of {@code s}, or null when it is off (duration runs, stallTimeout 0). */
    static Watchdog of(Scenario s) {
        long t = timeoutPs(s);
        return t <= 0 ? null : new Watchdog(t);
    }

    /** The stall timeout in effect: stop.stallTimeout, at least 10x the longest intended pause; 0 if off. */
    static long timeoutPs(Scenario s) {
        StopSpec stop = s.stop();
        if (stop.until() != org.toesim.scenario.spec.StopMode.WORKLOADS_DONE || stop.stallTimeoutPs() == 0) {
            return 0;
        }
        long pause = 0;
        for (WorkloadSpec w : s.workloads()) {
            pause = Math.max(pause, pausePs(w));
        }
        return Math.max(stop.stallTimeoutPs(), pause > Long.MAX_VALUE / PAUSE_FACTOR ? Long.MAX_VALUE
                : pause * PAUSE_FACTOR);
    }

    private static long pausePs(WorkloadSpec w) {
        if (w instanceof PacedStreamWorkload p) {
            return Rates.bytesTimePs(p.chunkBytes(), p.rateBitsPerSec());
        } else if (w instanceof RequestResponseWorkload r) {
            return r.thinkTimePs();
        } else if (w instanceof ShortConnectionsWorkload sc) {
            return sc.intervalPs();
        }
        return 0;
    }

    /** Called on every done poll; true once the run is stalled (then the caller stops it). */
    boolean stalled(long nowPs, Workloads w, Map<String, HostNode> hosts) {
        if (++polls % checkEveryPolls != 0) {
            return false;
        }
        long progress = w.started();
        long lastDeliveryPs = -1;
        boolean unfinished = false;
        for (int i = 0; i < w.ids().size(); i++) {
            Conn c = w.conn(i);
            if (c != null) {
                progress += c.deliveredBytes() + (c.done() ? 1 : 0);
                unfinished |= !c.done();
                lastDeliveryPs = Math.max(lastDeliveryPs, c.lastDeliveryPs());
            }
        }
        if (progress != lastProgress || !unfinished) {
            // it moved after the previous check: at the last delivery if that is later (exact), else then
            lastProgressPs = Math.max(lastDeliveryPs, lastCheckPs);
            lastProgress = progress;
            lastCheckPs = nowPs;
            return false;
        }
        lastCheckPs = nowPs;
        long quietPs = nowPs - lastProgressPs;
        if (quietPs < timeoutPs) {
            return false;
        }
        if (quietPs < 3 * timeoutPs) {
            for (int i = 0; i < w.ids().size(); i++) {
                Conn c = w.conn(i);
                if (c != null && !c.done() && WaitReasons.backingOff(c, hosts, timeoutPs)) {
                    return false;
                }
            }
        }
        stalledAtPs = nowPs;
        return true;
    }

    /** Whether the watchdog ended the run. */
    boolean fired() {
        return stalledAtPs >= 0;
    }

    /** Why the run was declared stalled. */
    String reason() {
        return "no connection made progress for " + ms(stalledAtPs - lastProgressPs)
                + " of simulated time (last progress at " + ms(lastProgressPs) + ", checked every "
                + ms(checkEveryPolls * Workloads.DONE_POLL_PS) + "; stall timeout in effect "
                + Units.formatDuration(timeoutPs) + ")";
    }

    /** Simulated time in milliseconds, to the microsecond. */
    private static String ms(long ps) {
        return String.format(java.util.Locale.ROOT, "%.3f ms", ps / 1e9);
    }
}
