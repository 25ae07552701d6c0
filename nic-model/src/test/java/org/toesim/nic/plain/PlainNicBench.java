package org.toesim.nic.plain;

import java.util.ArrayList;
import java.util.List;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.RingId;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;
import org.toesim.nic.frame.MacAddress;
import org.toesim.nic.mac.MacPort;
import org.toesim.nic.pcie.PcieLink;
import org.toesim.nic.pcie.PcieSpec;
import org.toesim.nic.testing.DeviceHarness;
import org.toesim.nic.testing.ScriptedHostMemory;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

/** A {@link DeviceHarness} around a {@link PlainNic} whose MAC transmits into a recording list. */
final class PlainNicBench {
    static final int IP_PEER = 0x0A000002;
    static final int IP_HOST = 0x0A000001;
    static final long MAC_PEER = MacAddress.local(2);
    static final long MAC_HOST = MacAddress.local(1);
    static final long RX_RING = 0x100_0000L;
    static final long TX_RING = 0x200_0000L;
    static final long CQ_RING = 0x300_0000L;
    static final long QUEUE_RING_STRIDE = 0x1_0000L;
    static final long RX_BUFFERS = 0x1000_0000L;
    static final long BUFFER_STRIDE = 0x1_0000L;

    /** A frame the MAC put on the wire, with the instant its last bit left. */
    record Sent(long atPs, Frame frame) {
    }

    final DeviceHarness h;
    final PlainNic nic;
    final List<Sent> wire = new ArrayList<>();
    final int ringSlots;
    private final java.util.Map<Long, ScriptedHostMemory.RingImage> images = new java.util.HashMap<>();
    private final int[] rxTail;
    private final int[] txTail;

    PlainNicBench(PlainNicConfig config, int ringSlots) {
        PlainNic[] holder = new PlainNic[1];
        this.h = new DeviceHarness(PcieSpec.gen3x8(), (sim, bus) -> {
            MacPort mac = new MacPort(sim, "mac", config.mac());
            holder[0] = new PlainNic(sim, "nic", config, (PcieLink) bus, mac);
            return holder[0];
        });
        this.nic = holder[0];
        nic.mac().connectWire((f, t) -> wire.add(new Sent(t, f)));
        this.ringSlots = ringSlots;
        this.rxTail = new int[config.queues()];
        this.txTail = new int[config.queues()];
        for (int q = 0; q < config.queues(); q++) {
            configure(q, RingId.RECEIVE, RX_RING + q * QUEUE_RING_STRIDE);
            configure(q, RingId.SEND, TX_RING + q * QUEUE_RING_STRIDE);
            configure(q, RingId.COMPLETION, CQ_RING + q * QUEUE_RING_STRIDE);
        }
        h.runUntilIdle();
    }

    private void configure(int q, RingId id, long base) {
        image(id, base);
        h.mmioWrite(Registers.ring(q, id, Registers.RING_BASE), base);
        if (id == RingId.COMPLETION) {
            h.mmioWrite(Registers.ring(q, id, Registers.RING_VECTOR), q);
        }
        h.mmioWrite(Registers.ring(q, id, Registers.RING_SIZE), ringSlots);
    }

    /** Buffer address of rx slot {@code slot} of queue {@code q}. */
    static long bufferAddr(int q, int slot) {
        return RX_BUFFERS + (q * 256L + slot) * BUFFER_STRIDE;
    }

    /** Posts {@code n} buffers of {@code lenBytes} on queue {@code q} (cookie = slot) and rings the doorbell now. */
    void postRx(int q, int n, int lenBytes) {
        for (int i = 0; i < n; i++) {
            int slot = rxTail[q];
            rxImage(q).set(slot, new RxDescriptor.NicBuffer(bufferAddr(q, slot), lenBytes, slot));
            rxTail[q] = (slot + 1) % ringSlots;
        }
        h.mmioWrite(Registers.ring(q, RingId.RECEIVE, Registers.RING_TAIL), rxTail[q]);
    }

    /** Puts {@code send} in the next SEND slot of queue {@code q} and rings the doorbell now. */
    void postTx(int q, RingEntry send) {
        txImage(q).set(txTail[q], send);
        txTail[q] = (txTail[q] + 1) % ringSlots;
        h.mmioWrite(Registers.ring(q, RingId.SEND, Registers.RING_TAIL), txTail[q]);
    }

    ScriptedHostMemory.RingImage rxImage(int q) {
        return image(RingId.RECEIVE, RX_RING + q * QUEUE_RING_STRIDE);
    }

    ScriptedHostMemory.RingImage txImage(int q) {
        return image(RingId.SEND, TX_RING + q * QUEUE_RING_STRIDE);
    }

    ScriptedHostMemory.RingImage cqImage(int q) {
        return image(RingId.COMPLETION, CQ_RING + q * QUEUE_RING_STRIDE);
    }

    private ScriptedHostMemory.RingImage image(RingId id, long base) {
        return images.computeIfAbsent(base, b -> h.memory().ring(id, b, ringSlots));
    }

    /** A frame from the peer to the host: ports, seq, flags, {@code lenBytes} of virtual payload at stream offset {@code seq}. */
    static Frame data(long frameId, int srcPort, int dstPort, int seq, int ack, int flags, int lenBytes) {
        return Frame.of(frameId, MAC_PEER, MAC_HOST, Ipv4Header.of(IP_PEER, IP_HOST, (int) (frameId & 0xFFFF)),
                new Segment(srcPort, dstPort, seq, ack, flags, 1000, 0, TcpOptions.NONE,
                        Payload.virtual(Integer.toUnsignedLong(seq), lenBytes)));
    }

    static Frame data(long frameId, int seq, int lenBytes) {
        return data(frameId, 40000, 5001, seq, 1, TcpFlags.ACK, lenBytes);
    }

    /** The frame as the peer's MAC delivers it to the NIC now. */
    void arrive(Frame f) {
        nic.mac().receive(f, h.now());
    }

    /** Every device-to-host message of {@code type} so far. */
    <M extends DeviceToHost> List<M> all(Class<M> type) {
        List<M> out = new ArrayList<>();
        for (var r : h.received()) {
            if (type.isInstance(r.message())) {
                out.add(type.cast(r.message()));
            }
        }
        return out;
    }

    /** Entries written to queue {@code q}'s completion ring, in slot order. */
    List<RingEntry> completions(int q) {
        List<RingEntry> out = new ArrayList<>();
        ScriptedHostMemory.RingImage cq = cqImage(q);
        for (int i = 0; i < cq.sizeSlots() && cq.get(i) != null; i++) {
            out.add(cq.get(i));
        }
        return out;
    }

    /** What the NIC wrote at {@code addr}. */
    Frame frameAt(long addr) {
        DmaData d = h.memory().at(addr);
        return d instanceof DmaData.FrameImage img ? img.frame() : null;
    }
}
