package org.toesim.host.stack;

import java.util.ArrayDeque;
import org.toesim.core.event.Event;
import org.toesim.core.event.Simulator;
import org.toesim.host.cpu.CostCategory;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.cpu.WorkClass;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;
import org.toesim.nic.mac.MacPort;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * Test device: a {@link MacPort} plus the smallest honest stand-in for a NIC driver, so the host
 * stack can be tested before the real driver lands.
 *
 * <pre>
 *   transmit: send(frame, core, tso) --TSO: cut into tso-byte frames--&gt; MacPort (queue bound =
 *             backpressure; txDone frees room --&gt; txReady)
 *   receive:  MacPort --&gt; rx FIFO --&gt; interrupt (INTERRUPT cycles) at most once per itrPs
 *             (interrupt moderation) --&gt; per frame DRIVER descriptor cycles (SOFTIRQ)
 *             --&gt; FrameReceiver.onFrame(frame, core, checksum verified?)
 * </pre>
 *
 * The costs are the driver's entries of the {@link CostTable} (interrupt entry/exit, one
 * descriptor per frame), nothing else.
 */
public final class WireNic implements NetDevice {
    private final Simulator sim;
    private final HostCpu cpu;
    private final CostTable costs;
    private final MacPort port;
    private final DeviceFeatures features;
    private final boolean rxChecksumOffload;
    private final int rxCore;
    private final long itrPs;
    private final int txQueueFrames;
    private final ArrayDeque<Frame> rxQueue = new ArrayDeque<>();
    private final Event irq;
    private long lastIrqPs = Long.MIN_VALUE / 2;
    private FrameReceiver receiver = (f, c, i) -> { };
    private Runnable txReady = () -> { };
    private boolean txBlocked;
    private int unclaimed;
    public long interrupts;
    public long framesReceived;

    public WireNic(Simulator sim, HostCpu cpu, CostTable costs, MacPort port, DeviceFeatures features,
                   boolean rxChecksumOffload, int rxCore, long itrPs, int txQueueFrames) {
        this.sim = sim;
        this.cpu = cpu;
        this.costs = costs;
        this.port = port;
        this.features = features;
        this.rxChecksumOffload = rxChecksumOffload;
        this.rxCore = rxCore;
        this.itrPs = itrPs;
        this.txQueueFrames = txQueueFrames;
        this.irq = sim.newEvent("nic.irq", port.name(), this::raiseIrq);
        port.connectReceiver((f, t) -> frameArrived(f));
        port.setTxDoneListener((f, t) -> {
            if (txBlocked && port.queuedFrames() < txQueueFrames) {
                txBlocked = false;
                txReady.run();
            }
        });
    }

    @Override
    public DeviceFeatures features() {
        return features;
    }

    @Override
    public void setReceiver(FrameReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public void setTxReadyListener(Runnable listener) {
        this.txReady = listener;
    }

    @Override
    public boolean send(Frame frame, int core, WorkClass workClass, int tsoSegmentBytes) {
        int pieces = tsoSegmentBytes == 0 ? 1
                : (frame.tcp().payloadLenBytes() + tsoSegmentBytes - 1) / tsoSegmentBytes;
        if (port.queuedFrames() + pieces > txQueueFrames) {
            txBlocked = true;
            return false;
        }
        if (pieces == 1) {
            port.send(frame);
            return true;
        }
        Segment s = frame.tcp();
        int len = s.payloadLenBytes();
        for (int off = 0, k = 0; off < len; off += tsoSegmentBytes, k++) {
            int n = Math.min(tsoSegmentBytes, len - off);
            boolean last = off + n == len;
            int flags = last ? s.flags() : s.flags() & ~(TcpFlags.PSH | TcpFlags.FIN);
            Segment piece = new Segment(s.srcPort(), s.dstPort(), s.seq() + off, s.ack(), flags, s.window(),
                    s.urgentPointer(), s.options(), s.payload().slice(off, n));
            Ipv4Header ip = frame.ip();
            Ipv4Header pip = new Ipv4Header(ip.srcIp(), ip.dstIp(), (ip.identification() + k) & 0xFFFF, ip.ttl(),
                    ip.tos(), ip.dontFragment(), false, 0, ip.optionsLenBytes());
            port.send(Frame.of(frame.frameId(), frame.srcMac(), frame.dstMac(), pip, piece));
        }
        return true;
    }

    private void frameArrived(Frame f) {
        framesReceived++;
        rxQueue.add(f);
        unclaimed++;
        if (!irq.isPending()) {
            sim.scheduleAt(irq, Math.max(sim.now(), lastIrqPs + itrPs));
        }
    }

    private void raiseIrq() {
        lastIrqPs = sim.now();
        interrupts++;
        int n = unclaimed;
        unclaimed = 0;
        cpu.submit(rxCore, WorkClass.INTERRUPT, CostCategory.INTERRUPT, costs.interruptCycles(), (core, count) -> {
            for (int i = 0; i < count; i++) {
                cpu.submit(core, WorkClass.SOFTIRQ, CostCategory.DRIVER, costs.descriptorCycles(), (c2, a) -> {
                    receiver.onFrame(rxQueue.poll(), c2, rxChecksumOffload ? RxInfo.VERIFIED : RxInfo.UNVERIFIED);
                }, 0);
            }
        }, n);
    }
}
