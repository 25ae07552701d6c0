package org.toesim.host.offload;

import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.nic.device.CcbImage;
import org.toesim.nic.device.CommandStatus;
import org.toesim.tcp.engine.TcpState;

/**
 * Statistics of offloaded connections (claim 12): every {@code statsPollIntervalPs} one
 * QueryOffload per OFFLOADED connection, in handle order; the answer (card counters and the TCP
 * statistics of the card's CCB) is kept in the record for {@link OffloadManager#stats}.
 *
 * <pre>
 *  install --&gt; arm (one reusable event for all connections)
 *  poll: for r in offloaded (handle order), OFFLOADED, no query of r outstanding: adapter.query(h)
 *        (a background command: it waits behind offloads and flushes when the COMMAND ring is full)
 *     &lt;-- (status, CcbImage, card stats): r.lastCard, r.lastTcp, sampledAtPs [traced]
 *         CCB past ESTABLISHED (a FIN the card took without an upload request) --&gt; flush CLOSING_ON_ADAPTER
 *  any polled --&gt; re-arm; none --&gt; idle until the next install
 * </pre>
 */
final class StatsPoller {
    private final OffloadManager manager;
    private final Simulator sim;
    private final AdapterPort adapter;
    private final OffloadConfig config;
    private final Event pollEvent;
    long statsPolls;

    StatsPoller(OffloadManager manager, Simulator sim, AdapterPort adapter, OffloadConfig config) {
        this.manager = manager;
        this.sim = sim;
        this.adapter = adapter;
        this.config = config;
        this.pollEvent = sim.newEvent("offload.stats-poll", "offload", Priority.TIMER, this::poll);
    }

    /** Makes sure a poll is due (no-op when polling is off or one is pending). */
    void arm() {
        if (config.statsPollIntervalPs() > 0 && !pollEvent.isPending()) {
            sim.scheduleIn(pollEvent, config.statsPollIntervalPs());
        }
    }

    private void poll() {
        boolean any = false;
        for (OffloadRecord r : manager.offloadedInOrder()) {
            if (r.state != HandoffState.OFFLOADED) {
                continue;
            }
            any = true;
            if (r.queryInFlight) {
                continue; // the last poll's query still waits (a busy COMMAND ring): one at a time
            }
            r.queryInFlight = true;
            adapter.query(r.handle, (status, state, stats) -> answered(r, status, state, stats));
        }
        if (any) {
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
        if (manager.tracing()) {
            manager.traceRecord(new OffloadTrace.StatsPolled(r.tuple(), r.lastCard.segmentsIn(),
                    r.lastCard.payloadBytesIn(), status));
        }
    }
}
