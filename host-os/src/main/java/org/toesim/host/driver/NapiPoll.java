package org.toesim.host.driver;

import org.toesim.host.cpu.CostCategory;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.cpu.WorkClass;
import org.toesim.host.cpu.WorkHandler;
import org.toesim.host.pcie.HostRing;
import org.toesim.host.pcie.RootComplex;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceEvent;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.RingId;

/**
 * One queue pair's interrupt handler and NAPI poll (Linux {@code napi_schedule} /
 * {@code napi_complete_done}).
 *
 * <pre>
 *  MSI-X --&gt; vector masked --&gt; [INTERRUPT: interruptCycles] --&gt; handler: start a run
 *           (while masked, MSI-X only sets the pending bit: no interrupt work, as in Linux NAPI)
 *  run:  step: entry = COMPLETION.peek() ?: EVENT.peek()
 *          none       --&gt; end run, napi complete
 *          processed == budget --&gt; end run, re-poll: a zero-cycle SOFTIRQ item queued behind
 *                                  the softirq work already waiting on the core
 *          else [SOFTIRQ: descriptorCycles (NIC entries, DRIVER) | completionCycles (TOE, COMPLETION)]
 *               --&gt; consume, dispatch (rx frame to the stack, tx reclaim, command/buffer/send
 *                   callbacks, events), next step
 *  end run: HEAD doorbell per device ring that moved; re-post pending rx buffers (one doorbell);
 *           wake a stopped tx queue
 *  run ends with the rings empty: unmask (a pending interrupt is dispatched at once)
 * </pre>
 * Every entry costs one work item, so upper-layer work the dispatch submits on the core (protocol
 * processing) runs between descriptors, as it does inside a Linux poll.
 */
final class NapiPoll implements WorkHandler {
    private static final int FROM_COMPLETIONS = 0;
    private static final int FROM_EVENTS = 1;

    private final DriverConfig config;
    private final int vector;
    private final long completionHeadOffset;
    private final HostCpu cpu;
    private final CostTable costs;
    private final RootComplex rc;
    private final HostRing completionRing;
    private final HostRing eventRing;
    private final RxPath rx;
    private final TxPath tx;
    private final OffloadPath offload;
    private final WorkHandler stepDone = this::onStepDone;
    private final WorkHandler restart = (core, arg) -> step(core);
    private DeviceEventListener eventListener;
    private boolean scheduled;
    private int processedThisRun;
    private int rungCompletionHead;
    private int rungEventHead;
    long interrupts;
    long interruptsWhilePolling;
    long runs;
    long budgetExhaustedRuns;
    long entriesProcessed;
    long events;
    long headDoorbells;

    /**
     * The poll of queue pair {@code queue}, raised by {@code vector}. Only queue 0 has an
     * {@code eventRing} and an {@code offload} path (both null otherwise).
     */
    NapiPoll(DriverConfig config, int queue, int vector, HostCpu cpu, CostTable costs, RootComplex rc,
            HostRing completionRing, HostRing eventRing, RxPath rx, TxPath tx, OffloadPath offload) {
        this.config = config;
        this.vector = vector;
        this.completionHeadOffset = Registers.ring(queue, RingId.COMPLETION, Registers.RING_HEAD);
        this.cpu = cpu;
        this.costs = costs;
        this.rc = rc;
        this.completionRing = completionRing;
        this.eventRing = eventRing;
        this.rx = rx;
        this.tx = tx;
        this.offload = offload;
    }

    void setEventListener(DeviceEventListener l) {
        this.eventListener = l;
    }

    /** The interrupt handler's work is done (INTERRUPT item on {@code core}). */
    @Override
    public void onWorkDone(int core, int vector) {
        interrupts++;
        if (scheduled) {
            interruptsWhilePolling++;
            return;
        }
        scheduled = true; // the root complex masked the vector at dispatch
        startRun(core);
    }

    private void startRun(int core) {
        runs++;
        processedThisRun = 0;
        step(core);
    }

    private void step(int core) {
        if (processedThisRun >= config.napiBudget()) {
            endRun();
            budgetExhaustedRuns++;
            runs++;
            processedThisRun = 0;
            cpu.submit(core, WorkClass.SOFTIRQ, CostCategory.DRIVER, 0, restart, 0);
            return;
        }
        int from = FROM_COMPLETIONS;
        RingEntry e = completionRing.peek();
        if (e == null && eventRing != null) {
            from = FROM_EVENTS;
            e = eventRing.peek();
        }
        if (e == null) {
            endRun();
            scheduled = false;
            rc.unmaskVector(vector); // napi_complete_done: a pending interrupt fires now
            return;
        }
        boolean nicEntry = e instanceof DeviceCompletion.NicReceiveCompletion
                || e instanceof DeviceCompletion.NicSendCompletion;
        if (nicEntry) {
            cpu.submit(core, WorkClass.SOFTIRQ, CostCategory.DRIVER, costs.descriptorCycles(), stepDone, from);
        } else {
            cpu.submit(core, WorkClass.SOFTIRQ, CostCategory.COMPLETION, costs.completionCycles(), stepDone, from);
        }
    }

    private void onStepDone(int core, int from) {
        RingEntry e = (from == FROM_COMPLETIONS ? completionRing : eventRing).consume();
        processedThisRun++;
        entriesProcessed++;
        if (e instanceof DeviceCompletion.NicReceiveCompletion c) {
            rx.onCompletion(c, core);
        } else if (e instanceof DeviceCompletion.NicSendCompletion c) {
            int slot = tx.onCompletion(c);
            if (offload != null) {
                offload.sendsFetchedThrough(slot); // the card fetched the offloaded sends before it
            }
        } else if (e instanceof DeviceCompletion.CommandCompletion c && offload != null) {
            offload.onCompletion(c, core);
        } else if (e instanceof DeviceCompletion.ReceiveCompletion c && offload != null) {
            offload.onCompletion(c, core);
        } else if (e instanceof DeviceCompletion.SendCompletion c && offload != null) {
            offload.onCompletion(c, core);
        } else if (e instanceof DeviceEvent ev) {
            events++;
            if (ev instanceof DeviceEvent.IndicateData d && offload != null) {
                offload.onIndication(d.cookie()); // its POST slot goes back before anyone reads it
            }
            if (eventListener != null) {
                eventListener.onDeviceEvent(ev, core);
            }
        } else {
            throw new IllegalStateException(config.name() + ": unexpected entry on a device ring: " + e);
        }
        step(core);
    }

    private void endRun() {
        if (completionRing.next() != rungCompletionHead) {
            rungCompletionHead = completionRing.next();
            headDoorbells++;
            rc.mmioWrite(completionHeadOffset, 4, rungCompletionHead);
        }
        if (eventRing != null && eventRing.next() != rungEventHead) {
            rungEventHead = eventRing.next();
            headDoorbells++;
            rc.mmioWrite(Registers.ring(RingId.EVENT, Registers.RING_HEAD), 4, rungEventHead);
        }
        rx.flushRefill();
        if (offload != null) {
            offload.drainSends(tx.stopped() ? config.txWakeSlots() : 0);
        }
        tx.maybeWake();
    }

    boolean scheduled() {
        return scheduled;
    }
}
