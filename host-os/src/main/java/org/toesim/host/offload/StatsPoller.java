package org.toesim.host.offload;

import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.units.Units;
import org.toesim.nic.device.CcbImage;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.tcp.engine.TcpState;

/**
 * Statistics of offloaded connections (claim 12): every {@code statsPollIntervalPs} at most
 * {@code statsPollBatch} QueryOffloads, taking the connections in turn (handle order, then
 * round again); the answer (card counters and the TCP statistics of the card's CCB) is kept in
 * the record for {@link OffloadManager#stats}.
 *
 * <pre>
 *  handle bound --&gt; ring.add(record, handle)        install --&gt; arm (one reusable event)
 *  poll: from the ring's head, until batch queries are submitted or every entry was seen once:
 *        entry stale (its handle is no longer the record's) --&gt; dropped
 *        OFFLOADED, no query of r outstanding --&gt; adapter.query(h) (a background command: it
 *        waits behind offloads and flushes when the COMMAND ring is full); to the tail
 *        otherwise (OFFLOADING, or a query still waits) --&gt; to the tail
 *     &lt;-- (status, CcbImage, card stats): r.lastCard, r.lastTcp, sampledAtPs [traced]
 *         CCB past ESTABLISHED (a FIN the card took without an upload request) --&gt; flush CLOSING_ON_ADAPTER
 *  an OFFLOADED entry seen, or the batch ran out --&gt; re-arm; else idle until the next install
 * </pre>
 * A poll costs O(batch + entries dropped), never O(connections): with 100,000 offloaded
 * connections and the defaults each is polled every 3.9 s of simulated time (25,600 queries per
 * second) instead of 10 million queries per second saturating the card.
 * Each answer is logged at TRACE.
 */
final class StatsPoller {
    private static final Logger LOG = LoggerFactory.getLogger(StatsPoller.class);
    /** A record with the handle it had when it was bound (stale once the record has another or none). */
    private record Entry(OffloadRecord record, OffloadHandle handle) {
    }

    private final Simulator sim;
    private final OffloadManager manager;
    private final AdapterPort adapter;
    private final OffloadConfig config;
    private final Event pollEvent;
    private final ArrayDeque<Entry> ring = new ArrayDeque<>();
    long statsPolls;

    StatsPoller(OffloadManager manager, Simulator sim, AdapterPort adapter, OffloadConfig config) {
        this.manager = manager;
        this.sim = sim;
        this.adapter = adapter;
        this.config = config;
        this.pollEvent = sim.newEvent("offload.stats-poll", "offload", Priority.TIMER, this::poll);
    }

    /** {@code r} got handle {@code h}: it joins the polling order. */
    void bound(OffloadRecord r, OffloadHandle h) {
        if (config.statsPollIntervalPs() > 0) {
            ring.addLast(new Entry(r, h));
        }
    }

    /** Makes sure a poll is due (no-op when polling is off or one is pending). */
    void arm() {
        if (config.statsPollIntervalPs() > 0 && !pollEvent.isPending()) {
            sim.scheduleIn(pollEvent, config.statsPollIntervalPs());
        }
    }

    private void poll() {
        boolean any = false;
        int budget = config.statsPollBatch();
        for (int seen = ring.size(); seen > 0 && budget > 0; seen--) {
            Entry e = ring.pollFirst();
            OffloadRecord r = e.record();
            if (r.handle != e.handle()) {
                continue; // flushed (or re-offloaded under a new handle, which has its own entry)
            }
            ring.addLast(e);
            if (r.state != HandoffState.OFFLOADED) {
                continue;
            }
            any = true;
            if (r.queryInFlight) {
                continue; // the last poll's query still waits (a busy COMMAND ring): one at a time
            }
            r.queryInFlight = true;
            budget--;
            adapter.query(r.handle, (status, state, stats) -> answered(r, status, state, stats));
        }
        if (any || budget == 0) {
            arm();
        }
    }

    private void answered(OffloadRecord r, CommandStatus status, org.toesim.nic.device.OffloadState state,
                          org.toesim.nic.device.ConnectionStats stats) {
        r.queryInFlight = false;
        statsPolls++;
        if (status == CommandStatus.SUCCESS) {
            r.lastCard = stats;
            if (state instanceof CcbImage img) {
                r.lastTcp = img.ccb().delegated().stats();
                if (img.ccb().delegated().state() != TcpState.ESTABLISHED && !manager.closeRunsOnAdapter()) {
                    manager.closingOnAdapter(r);
                }
            }
            r.sampledAtPs = sim.now();
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {}: stats of {}: {}{}", Units.logTime(sim.now()), manager.component(), r.tuple().traceText(),
                    status, r.lastCard == null ? "" : ", " + r.lastCard.segmentsIn() + " segments and "
                            + r.lastCard.payloadBytesIn() + " B in on the card");
        }
        if (manager.tracing()) {
            manager.traceRecord(new OffloadTrace.StatsPolled(r.tuple(), r.lastCard.segmentsIn(),
                    r.lastCard.payloadBytesIn(), status));
        }
    }
}
