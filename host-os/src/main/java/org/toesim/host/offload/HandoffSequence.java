package org.toesim.host.offload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Simulator;
import org.toesim.core.units.Units;
import org.toesim.nic.device.Capability;
import org.toesim.nic.device.CcbImage;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.OffloadFeature;
import org.toesim.nic.device.OffloadState;
import org.toesim.tcp.ccb.ControlBlock;

/**
 * The handoff (claims 16, 19, 20): the adapter record is consulted, the host stack quiesces the
 * connection and snapshots its CCB, and InitiateOffload carries the CCB with a fresh handle.
 *
 * <pre>
 *  begin(r): adapter record ok? (claims 11, 19) --no--&gt; HandoffNotPossible, stay on host for good
 *    ON_HOST -&gt; QUIESCING: stack.quiesce; ccb = stack.snapshot   (arriving segments now held)
 *      features of the CCB (window scale, timestamps, SACK) not in the record --&gt; resume, stay
 *            -&gt; OFFLOADING: h = adapter.allocateHandle(); adapter.initiate(h, CcbImage(ccb))
 *  SUCCESS -&gt; OFFLOADED: stack.markOffloaded; held frames forwarded ({@link SegmentForwarder});
 *             a flush asked for meanwhile starts now
 *  refused -&gt; ON_HOST (or ON_HOST_AGAIN): stack.resumeOnHost first (held frames processed), then
 *             the move; refusal counted; the policy waits refusalBackoffPs
 * </pre>
 * Logged (this class): started, not possible (why), refused (the status), completed at INFO; the
 * InitiateOffload submitted at DEBUG.
 */
final class HandoffSequence {
    private static final Logger LOG = LoggerFactory.getLogger(HandoffSequence.class);
    private final OffloadManager manager;
    private final Simulator sim;
    private final AdapterPort adapter;
    private final StackPort stack;
    private final OffloadConfig config;
    private boolean adapterFailed;
    long notPossible;
    long initiated;
    long installed;
    long refused;
    long heldFrames;

    HandoffSequence(OffloadManager manager, Simulator sim, AdapterPort adapter, StackPort stack, OffloadConfig config) {
        this.manager = manager;
        this.sim = sim;
        this.adapter = adapter;
        this.stack = stack;
        this.config = config;
    }

    /** The adapter failed or was reset: no handoff from now on. */
    void adapterFailed() {
        adapterFailed = true;
    }

    /** Whether the adapter failed or was reset. */
    boolean hasAdapterFailed() {
        return adapterFailed;
    }

    /** Why no handoff is possible now, or null (claims 11, 19: the adapter record decides). */
    String blocker() {
        Capability cap = adapter.capability();
        if (adapterFailed) {
            return "adapter failed";
        }
        if (!cap.offloadSupported()) {
            return "adapter record: offload not supported";
        }
        int used = manager.offloadedConnections();
        if (used >= cap.maxConnections()) {
            return "adapter record: " + used + " of " + cap.maxConnections() + " connections in use";
        }
        return null;
    }

    private static String featureBlocker(Capability cap, ControlBlock.Constant k) {
        if (k.windowScaleOk() && !cap.supports(OffloadFeature.WINDOW_SCALE)) {
            return "adapter record: no window scale";
        }
        if (k.timestampsOk() && !cap.supports(OffloadFeature.TIMESTAMPS)) {
            return "adapter record: no timestamps";
        }
        if (k.sackPermitted() && !cap.supports(OffloadFeature.SACK)) {
            return "adapter record: no SACK";
        }
        return null;
    }

    /** Starts handing {@code r} (on the host) to the adapter. */
    void begin(OffloadRecord r) {
        String blocker = blocker();
        if (blocker != null) {
            notPossible(r, blocker);
            return;
        }
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {}: handoff of {} started", Units.logTime(sim.now()), manager.component(),
                    r.tuple().traceText());
        }
        HandoffState home = r.state;
        manager.move(r, HandoffState.QUIESCING);
        stack.quiesce(r.tuple());
        ControlBlock ccb = stack.snapshot(r.tuple());
        blocker = featureBlocker(adapter.capability(), ccb.constant());
        if (blocker != null) {
            manager.move(r, home);
            stack.resumeOnHost(r.tuple());
            notPossible(r, blocker);
            return;
        }
        OffloadState image = new CcbImage(ccb);
        if (image.imageSizeBytes() > adapter.maxImageBytes()) {
            // the image carries the unacknowledged and unsent send data: with more queued than the
            // slot holds, the connection stays on the host and is asked again after the backoff
            manager.move(r, home);
            stack.resumeOnHost(r.tuple());
            notPossible++;
            r.refusedUntilPs = sim.now() + config.refusalBackoffPs();
            if (LOG.isInfoEnabled()) {
                LOG.info("{} {}: handoff of {} not possible now: CCB image of {} B exceeds the adapter's {} B slot"
                        + " (send data queued); stays on the host, asked again in {}", Units.logTime(sim.now()),
                        manager.component(), r.tuple().traceText(), image.imageSizeBytes(), adapter.maxImageBytes(),
                        Units.formatDuration(config.refusalBackoffPs()));
            }
            if (manager.tracing()) {
                manager.traceRecord(new OffloadTrace.HandoffNotPossible(r.tuple(), "CCB image of "
                        + image.imageSizeBytes() + " B exceeds the adapter's " + adapter.maxImageBytes()
                        + " B slot (send data queued); asked again in "
                        + Units.formatDuration(config.refusalBackoffPs())));
            }
            return;
        }
        r.sndMssBytes = ccb.constant().sndMssBytes();
        r.sendEndAtHandoffBytes = OffloadRecord.sendStreamEndBytes(ccb);
        r.adapterSendBytes = 0;
        manager.move(r, HandoffState.OFFLOADING);
        manager.bindHandle(r, adapter.allocateHandle());
        initiated++;
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: InitiateOffload {} of {} submitted, CCB image of {} B", Units.logTime(sim.now()),
                    manager.component(), r.handle, r.tuple().traceText(), image.imageSizeBytes());
        }
        if (manager.tracing()) {
            manager.traceRecord(new OffloadTrace.InitiateSubmitted(r.tuple(), r.handle.toString(),
                    image.imageSizeBytes()));
        }
        adapter.initiate(r.handle, image, status -> onInitiated(r, home, status));
    }

    private void notPossible(OffloadRecord r, String reason) {
        notPossible++;
        r.refusedUntilPs = Long.MAX_VALUE;
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {}: handoff of {} not possible: {}; stays on the host", Units.logTime(sim.now()),
                    manager.component(), r.tuple().traceText(), reason);
        }
        if (manager.tracing()) {
            manager.traceRecord(new OffloadTrace.HandoffNotPossible(r.tuple(), reason));
        }
    }

    private void onInitiated(OffloadRecord r, HandoffState home, CommandStatus status) {
        if (status != CommandStatus.SUCCESS) {
            refused++;
            manager.unbindHandle(r);
            r.refusedUntilPs = sim.now() + config.refusalBackoffPs();
            if (LOG.isInfoEnabled()) {
                LOG.info("{} {}: handoff of {} refused by the adapter: {}; back on the host, asked again in {}",
                        Units.logTime(sim.now()), manager.component(), r.tuple().traceText(), status,
                        Units.formatDuration(config.refusalBackoffPs()));
            }
            if (manager.tracing()) {
                manager.traceRecord(new OffloadTrace.Refused(r.tuple(), status));
            }
            manager.move(r, home);
            stack.resumeOnHost(r.tuple());
            r.pendingFlush = null;
            r.runWhenOnHost();
            return;
        }
        installed++;
        r.handoffs++;
        r.acceptedBytes = 0;
        r.creditedBytes = 0;
        r.indicationsAnswered = 0;
        manager.postIndicationBuffersOnce();
        manager.move(r, HandoffState.OFFLOADED);
        int held = stack.markOffloaded(r.tuple());
        r.heldFrames += held;
        heldFrames += held;
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {}: handoff of {} completed: offloaded as {}, {} held frame(s) go to the card",
                    Units.logTime(sim.now()), manager.component(), r.tuple().traceText(), r.handle, held);
        }
        if (manager.tracing()) {
            manager.traceRecord(new OffloadTrace.Installed(r.tuple(), r.handle.toString(), held));
        }
        manager.afterInstall(r);
    }
}
