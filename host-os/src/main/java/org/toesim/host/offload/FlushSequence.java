package org.toesim.host.offload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Simulator;
import org.toesim.core.units.Units;
import org.toesim.nic.device.CcbImage;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.DeviceEvent;
import org.toesim.nic.device.OffloadState;
import org.toesim.nic.device.UploadReason;
import org.toesim.tcp.ccb.ControlBlock;

/**
 * The flush (claim 8): the connection comes back from the adapter with its CCB, and the host
 * stack resumes it where the adapter stopped.
 *
 * <pre>
 *  request(r, cause, whenOnHost): on host --&gt; whenOnHost now
 *                                 OFFLOADING --&gt; remembered, started right after the install
 *                                 FLUSHING --&gt; whenOnHost joins the flush in progress
 *  start: OFFLOADED -&gt; FLUSHING: forwarder gives queued frames back; adapter.terminate(h)
 *         (buffers and sends complete FLUSHED first, then the CCB image)
 *  done:  -&gt; ON_HOST_AGAIN; SUCCESS --&gt; stack.resumeFromCcb (then held frames), else
 *         stack.abort; then the whenOnHost callbacks (they find the host stack running it)
 *  APPLICATION_CLOSE: the connection never goes back to the adapter
 *  UploadRequest(h, reason): INVALID_STATE, URGENT_DATA, HARDWARE_FAILURE, CONNECTION_DONE never go back to the
 *         adapter; other reasons back off refusalBackoffPs; HARDWARE_FAILURE is a CARD_RESET
 * </pre>
 * Logged (this class): upload requests, the adapter's hardware failure and flushes with their
 * cause at INFO, a failed flush at WARN, a flush waiting for the handoff in progress at DEBUG.
 */
final class FlushSequence {
    private static final Logger LOG = LoggerFactory.getLogger(FlushSequence.class);
    private final OffloadManager manager;
    private final Simulator sim;
    private final AdapterPort adapter;
    private final StackPort stack;
    private final OffloadConfig config;
    private final HandoffSequence handoff;
    long flushes;
    long flushFailures;
    long uploadRequests;

    FlushSequence(OffloadManager manager, Simulator sim, AdapterPort adapter, StackPort stack, OffloadConfig config,
                  HandoffSequence handoff) {
        this.manager = manager;
        this.sim = sim;
        this.adapter = adapter;
        this.stack = stack;
        this.config = config;
        this.handoff = handoff;
    }

    /** Takes {@code r} back (at once, after its install, or joining a flush in progress). */
    void request(OffloadRecord r, FlushCause cause, Runnable whenOnHost) {
        if (r != null && cause == FlushCause.APPLICATION_CLOSE) {
            // the application is closing it: never back to the adapter, not even in the instant
            // between the flush and the close (it was re-offloaded there and never sent its FIN)
            r.refusedUntilPs = Long.MAX_VALUE;
        }
        if (r == null || r.state.onHost()) {
            if (whenOnHost != null) {
                whenOnHost.run();
            }
            return;
        }
        if (whenOnHost != null) {
            r.whenOnHost.add(whenOnHost);
        }
        switch (r.state) {
            case OFFLOADED -> start(r, cause);
            case OFFLOADING -> {
                r.pendingFlush = r.pendingFlush == null ? cause : r.pendingFlush;
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} {}: flush of {} ({}) waits for the handoff in progress", Units.logTime(sim.now()),
                            manager.component(), r.tuple().traceText(), cause);
                }
            }
            default -> {
            } // FLUSHING: the callback joins the flush in progress
        }
    }

    /** An UploadRequest from the adapter for {@code r} (null: already flushed). */
    void uploadRequested(OffloadRecord r, DeviceEvent.UploadRequest u) {
        uploadRequests++;
        if (u.reason() == UploadReason.HARDWARE_FAILURE) {
            if (!handoff.hasAdapterFailed() && LOG.isInfoEnabled()) {
                LOG.info("{} {}: the adapter reports a hardware failure: no more handoffs, every offloaded"
                        + " connection comes back to the host", Units.logTime(sim.now()), manager.component());
            }
            handoff.adapterFailed();
        }
        if (r == null) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {}: upload request ({}) for {}: connection already back on the host",
                        Units.logTime(sim.now()), manager.component(), u.reason(), u.handle());
            }
            return;
        }
        if (manager.tracing()) {
            manager.traceRecord(new OffloadTrace.UploadRequested(r.tuple(), u.reason()));
        }
        // the adapter gave it back: a state it cannot run (FIN, RST, URG) never goes back, others back off
        r.refusedUntilPs = switch (u.reason()) {
            case INVALID_STATE, URGENT_DATA, HARDWARE_FAILURE, CONNECTION_DONE -> Long.MAX_VALUE;
            default -> sim.now() + config.refusalBackoffPs();
        };
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {}: the adapter requests the upload of {}: {}; {}", Units.logTime(sim.now()),
                    manager.component(), r.tuple().traceText(), u.reason(), r.refusedUntilPs == Long.MAX_VALUE
                            ? "it never goes back to the adapter"
                            : "offered again in " + Units.formatDuration(config.refusalBackoffPs()));
        }
        request(r, u.reason() == UploadReason.HARDWARE_FAILURE ? FlushCause.CARD_RESET : FlushCause.UPLOAD_REQUEST,
                null);
    }

    /** A poll found {@code r} past ESTABLISHED on the adapter: it comes back for good. */
    void closingOnAdapter(OffloadRecord r) {
        if (r.state == HandoffState.OFFLOADED) {
            r.refusedUntilPs = Long.MAX_VALUE;
            request(r, FlushCause.CLOSING_ON_ADAPTER, null);
        }
    }

    /** Starts the flush of the OFFLOADED {@code r}. */
    void start(OffloadRecord r, FlushCause cause) {
        manager.move(r, HandoffState.FLUSHING);
        manager.forwarderReset(r);
        r.flushCause = cause;
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {}: flush of {} started: {} (TerminateOffload {})", Units.logTime(sim.now()),
                    manager.component(), r.tuple().traceText(), cause, r.handle);
        }
        if (manager.tracing()) {
            manager.traceRecord(new OffloadTrace.FlushStarted(r.tuple(), cause));
        }
        adapter.terminate(r.handle, (status, state) -> onTerminated(r, status, state));
    }

    private void onTerminated(OffloadRecord r, CommandStatus status, OffloadState state) {
        manager.unbindHandle(r);
        manager.move(r, HandoffState.ON_HOST_AGAIN);
        long undelivered = 0;
        if (status == CommandStatus.SUCCESS && state instanceof CcbImage img) {
            flushes++;
            r.flushes++;
            undelivered = undeliveredBytes(img.ccb());
            r.adapterSendBytes = Math.max(0, OffloadRecord.sendStreamEndBytes(img.ccb()) - r.sendEndAtHandoffBytes);
            if (LOG.isInfoEnabled()) {
                LOG.info("{} {}: flush of {} ({}) completed: back on the host stack, {} undelivered byte(s) returned",
                        Units.logTime(sim.now()), manager.component(), r.tuple().traceText(), r.flushCause,
                        undelivered);
            }
            stack.resumeFromCcb(r.tuple(), img.ccb());
        } else {
            flushFailures++;
            r.adapterSendBytes = 0;
            LOG.warn("{} {}: flush of {} ({}) failed: {}; the connection is aborted", Units.logTime(sim.now()),
                    manager.component(), r.tuple().traceText(), r.flushCause, status);
            stack.abort(r.tuple(), "flush failed: " + status);
        }
        if (manager.tracing()) {
            manager.traceRecord(new OffloadTrace.FlushCompleted(r.tuple(), r.flushCause, status, undelivered));
        }
        r.runWhenOnHost();
    }

    private static long undeliveredBytes(ControlBlock ccb) {
        long n = 0;
        for (var p : ccb.delegated().receive().undelivered()) {
            n += p.lenBytes();
        }
        return n;
    }
}
