package org.toesim.host.driver;

import org.toesim.core.event.Simulator;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.mem.RegionKind;
import org.toesim.host.pcie.BufferPool;
import org.toesim.host.pcie.HostRing;
import org.toesim.host.pcie.RootComplex;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingId;

/**
 * One queue pair of the driver: its SEND, RECEIVE and COMPLETION rings with their frame
 * buffers, the plain-NIC receive and transmit paths, and the NAPI poll its MSI-X vector runs
 * on its core.
 *
 * <pre>
 *  queue q: SEND[q] + tx buffers --TxPath--&gt;   RECEIVE[q] + rx buffers --RxPath--&gt;
 *           COMPLETION[q] --vector(q)--&gt; RootComplex --&gt; core(q): NapiPoll(q)
 *  registers: Registers.ring(q, ring, field); queue 0 also owns COMMAND and EVENT (NicDriver)
 * </pre>
 */
final class DriverQueue {
    final int index;
    final int core;
    final int vector;
    final HostRing sendRing;
    final HostRing receiveRing;
    final HostRing completionRing;
    final Doorbell sendDoorbell;
    final Doorbell receiveDoorbell;
    final RxPath rx;
    final TxPath tx;
    private NapiPoll napi;

    DriverQueue(Simulator sim, int index, DriverConfig config, RootComplex rc, CostTable costs,
                FrameContent frameContent) {
        this.index = index;
        HostCpu cpu = rc.cpu();
        this.core = config.queueCore(index, cpu.cores());
        this.vector = config.vector(index);
        HostMemory mem = rc.memory();
        String n = config.name() + (index == 0 ? "" : ".q" + index);
        sendRing = ring(rc, n + ".tx-ring", RingId.SEND, config.sendRingSlots());
        receiveRing = ring(rc, n + ".rx-ring", RingId.RECEIVE, config.receiveRingSlots());
        completionRing = ring(rc, n + ".cq-ring", RingId.COMPLETION, config.completionRingSlots());
        BufferPool rxPool = new BufferPool(mem, n + ".rx-buffers", RegionKind.SOCKET_BUFFER, config.rxBuffers(),
                config.rxBufferBytes());
        BufferPool txPool = new BufferPool(mem, n + ".tx-buffers", RegionKind.SOCKET_BUFFER,
                config.sendRingSlots() - 1, config.txBufferBytes());
        rc.register(rxPool);
        rc.register(txPool);
        sendDoorbell = new Doorbell(rc, sendRing, index);
        receiveDoorbell = new Doorbell(rc, receiveRing, index);
        rx = new RxPath(config, receiveRing, receiveDoorbell, rxPool, frameContent);
        tx = new TxPath(sim, index, config, cpu, costs, sendRing, sendDoorbell, txPool, frameContent);
    }

    static HostRing ring(RootComplex rc, String name, RingId id, int slots) {
        HostRing r = new HostRing(rc.memory(), name, id, slots);
        rc.register(r);
        return r;
    }

    /** Creates the poll; queue 0 passes the EVENT ring and the offload path, the others null. */
    void createPoll(DriverConfig config, HostCpu cpu, CostTable costs, RootComplex rc, HostRing eventRing,
            OffloadPath offload) {
        napi = new NapiPoll(config, index, vector, cpu, costs, rc, completionRing, eventRing, rx, tx, offload);
    }

    NapiPoll napi() {
        return napi;
    }

    /** Binds the vector and programs the rings and the vector's moderation (attach). */
    void program(RootComplex rc, DriverConfig config) {
        rc.bindVector(vector, core, napi);
        for (HostRing r : new HostRing[] {sendRing, receiveRing, completionRing}) {
            programRing(rc, index, r, vector);
        }
        rc.mmioWrite(Registers.irq(vector, Registers.IRQ_USECS), 4, config.moderationUsecs());
        rc.mmioWrite(Registers.irq(vector, Registers.IRQ_FRAMES), 4, config.moderationFrames());
    }

    /** BASE, [VECTOR of a device-produced ring], SIZE of {@code r} in queue {@code q}'s ring block. */
    static void programRing(RootComplex rc, int q, HostRing r, int vector) {
        rc.mmioWrite(Registers.ring(q, r.id(), Registers.RING_BASE), 8, r.baseAddress());
        if (r.id().producer() == RingId.Producer.DEVICE) {
            rc.mmioWrite(Registers.ring(q, r.id(), Registers.RING_VECTOR), 4, vector);
        }
        rc.mmioWrite(Registers.ring(q, r.id(), Registers.RING_SIZE), 4, r.sizeSlots());
    }

    /** This queue's counters. */
    DriverStats stats() {
        return new DriverStats(rx.framesIn, rx.bytesIn, receiveDoorbell.doorbells(), tx.framesOut, tx.bytesOut,
                tx.reclaimed, tx.wireFrames, tx.queueFullRefusals, tx.wakes, sendDoorbell.doorbells(), napi.interrupts,
                napi.interruptsWhilePolling, napi.runs, napi.budgetExhaustedRuns, napi.entriesProcessed,
                napi.headDoorbells, 0, 0, 0, 0, napi.events);
    }
}
