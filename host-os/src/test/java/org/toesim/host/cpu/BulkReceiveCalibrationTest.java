package org.toesim.host.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.core.event.Event;
import org.toesim.core.event.Simulator;
import org.toesim.core.units.Rates;

/**
 * Charges a bulk-receive cost trace through the CPU model and checks the "1 GHz per Gbit/s"
 * rule of thumb (Foong et al. 2003) that {@link CostTable#defaults()} is calibrated to.
 */
class BulkReceiveCalibrationTest {
    private static final long CLOCK_HZ = 2_400_000_000L;
    private static final long PAYLOAD_RATE_BPS = 500_000_000L;
    private static final int SEGMENTS = 20_000;

    /**
     * A receive path in the shape of Linux 2.4: segments arrive at a fixed payload rate; every
     * {@code segmentsPerInterrupt} segments the NIC raises an interrupt; the interrupt handler
     * schedules the softirq, which runs driver + protocol (+ checksum) work per segment and
     * sends an ACK every {@code segmentsPerAck}; the reader copies each segment to user space
     * and pays one system call and one context switch per {@code bytesPerRecvCall}.
     */
    static final class ReceiveTrace {
        final Simulator sim = new Simulator();
        final HostCpu cpu = new HostCpu(sim, new CpuSpec("rx.cpu", 1, CLOCK_HZ));
        final CostTable costs;
        final BulkReceiveProfile profile;
        final Event arrival;
        int arrived;
        int pendingForInterrupt;
        int acked;
        long bytesSinceRecvCall;
        long segmentsDelivered;

        ReceiveTrace(CostTable costs, BulkReceiveProfile profile) {
            this.costs = costs;
            this.profile = profile;
            long gapPs = Rates.bytesTimePs(profile.mssBytes(), PAYLOAD_RATE_BPS);
            this.arrival = sim.newEvent("wire.rx", "test", () -> {
                arrived++;
                if (++pendingForInterrupt == profile.segmentsPerInterrupt() || arrived == SEGMENTS) {
                    cpu.submit(0, WorkClass.INTERRUPT, CostCategory.INTERRUPT, costs.interruptCycles(),
                            this::softirq, pendingForInterrupt);
                    pendingForInterrupt = 0;
                }
                if (arrived < SEGMENTS) {
                    sim.scheduleIn(arrivalEvent(), gapPs);
                }
            });
        }

        private Event arrivalEvent() {
            return arrival;
        }

        private void softirq(int core, int segments) {
            int mss = profile.mssBytes();
            for (int i = 0; i < segments; i++) {
                cpu.charge(core, WorkClass.SOFTIRQ, CostCategory.DRIVER, costs.descriptorCycles());
                if (!profile.checksumOffload()) {
                    cpu.charge(core, WorkClass.SOFTIRQ, CostCategory.CHECKSUM, costs.checksumCycles(mss));
                }
                cpu.charge(core, WorkClass.SOFTIRQ, CostCategory.PROTOCOL_RX, costs.rxPacketCycles());
                if (++acked == profile.segmentsPerAck()) {
                    cpu.charge(core, WorkClass.SOFTIRQ, CostCategory.ACK, costs.ackCycles());
                    acked = 0;
                }
                cpu.submit(core, WorkClass.KERNEL, CostCategory.COPY, costs.copyCycles(mss), this::delivered, mss);
            }
        }

        private void delivered(int core, int lenBytes) {
            segmentsDelivered++;
            bytesSinceRecvCall += lenBytes;
            if (bytesSinceRecvCall >= profile.bytesPerRecvCall()) {
                bytesSinceRecvCall -= profile.bytesPerRecvCall();
                cpu.charge(core, WorkClass.KERNEL, CostCategory.SYSCALL, costs.syscallCycles());
                cpu.charge(core, WorkClass.KERNEL, CostCategory.CONTEXT_SWITCH, costs.contextSwitchCycles());
            }
        }

        ReceiveTrace run() {
            sim.scheduleIn(arrival, 0);
            sim.run();
            return this;
        }

        long payloadBits() {
            return segmentsDelivered * profile.mssBytes() * 8L;
        }

        /** Busy Hz per received bit/s: total cycles over total payload bits. */
        double ghzPerGbps() {
            return (double) cpu.totalCycles() / payloadBits();
        }
    }

    @Test
    void defaultCostsGiveAboutOneGigahertzPerGigabitWithoutChecksumOffload() {
        ReceiveTrace t = new ReceiveTrace(CostTable.defaults(), BulkReceiveProfile.FOONG_2003).run();

        assertEquals(SEGMENTS, t.segmentsDelivered);
        double ratio = t.ghzPerGbps();
        assertTrue(ratio >= 0.9 && ratio <= 1.1, "GHz per Gbit/s = " + ratio);
        // The simulated trace agrees with the analytic per-segment figure in the CostTable Javadoc.
        double analytic = CostTable.defaults().bulkReceiveCyclesPerSegment(BulkReceiveProfile.FOONG_2003)
                / (1448 * 8);
        assertEquals(analytic, ratio, 0.01 * analytic);
        // Busy time on the core is the same figure seen as utilisation: at 0.5 Gbit/s on a
        // 2.4 GHz core, ~0.98 * 0.5 / 2.4 = 20% busy.
        double busyHz = (double) t.cpu.busyPs(0) / t.sim.now() * CLOCK_HZ;
        double rxBps = Rates.bitsPerSec(t.payloadBits() / 8, t.sim.now());
        assertEquals(ratio, busyHz / rxBps, 0.02);
    }

    @Test
    void perByteWorkIsAboutSixtyPercentOfTheReceiveCost() {
        HostCpu cpu = new ReceiveTrace(CostTable.defaults(), BulkReceiveProfile.FOONG_2003).run().cpu;
        double perByte = cpu.cycles(CostCategory.COPY) + cpu.cycles(CostCategory.CHECKSUM);
        double share = perByte / cpu.totalCycles();
        assertEquals(0.60, share, 0.03, "copy + checksum share");
        assertTrue(cpu.cycles(CostCategory.COPY) > cpu.cycles(CostCategory.PROTOCOL_RX), "copy dominates");
    }

    @Test
    void checksumOffloadAndHeavierCoalescingLowerTheCost() {
        BulkReceiveProfile base = BulkReceiveProfile.FOONG_2003;
        double full = new ReceiveTrace(CostTable.defaults(), base).run().ghzPerGbps();
        BulkReceiveProfile offload = new BulkReceiveProfile(1448, 8, 2, 65536, true);
        double withOffload = new ReceiveTrace(CostTable.defaults(), offload).run().ghzPerGbps();
        BulkReceiveProfile noCoalescing = new BulkReceiveProfile(1448, 1, 2, 65536, false);
        double perPacketIrq = new ReceiveTrace(CostTable.defaults(), noCoalescing).run().ghzPerGbps();

        // Checksum is 1.5 of ~7.9 cycles per byte: offloading it saves ~19%.
        assertEquals(full * (1 - 2172.0 / 11385.6), withOffload, 0.01);
        // One interrupt per segment instead of per 8: +2625 cycles per segment.
        assertEquals(full + 2625.0 / 11584, perPacketIrq, 0.01);
    }
}
