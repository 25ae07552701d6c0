package org.toesim.host.driver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.toesim.core.event.Simulator;
import org.toesim.nic.device.Capability;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.DeviceBus;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceEndpoint;
import org.toesim.nic.device.DeviceEvent;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.HostToDevice;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.RingId;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.dma.DmaReadCallback;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.pcie.PcieSpec;
import org.toesim.nic.ring.DeviceQueues;
import org.toesim.nic.ring.FetchRing;

/**
 * A device the test drives, built from nic-model's real rings, DMA engine and moderators:
 * records the register writes it receives, keeps fetched receive buffers until the test
 * {@link #deliver}s a frame, sends every {@link TxDescriptor.NicSend} by reading its buffer and
 * completing it, answers the capability query as told, and keeps other commands, posted
 * buffers and TOE sends for the test to complete.
 */
final class ScriptedNic implements DeviceEndpoint, FetchRing.Listener {
    /** How the device answers a capability query. */
    enum QueryAnswer { TOE, PLAIN, NOT_SUPPORTED, SILENT }

    record Written(long atPs, long sentPs, long offset, long value) {
    }

    record Slot<E extends RingEntry>(int slot, E entry) {
    }

    static final Capability TOE_CAPABILITY = new Capability(true, 1024, 1000, 1 << 20, 1 << 20, 8,
            java.util.EnumSet.of(org.toesim.nic.device.OffloadFeature.IPV4,
                    org.toesim.nic.device.OffloadFeature.SACK));

    private final Simulator sim;
    private final DeviceBus bus;
    private final DmaEngine dma;
    private final DeviceQueues queues;
    final List<Written> writes = new ArrayList<>();
    final ArrayDeque<Slot<RxDescriptor.NicBuffer>> rxBuffers = new ArrayDeque<>();
    final List<Slot<RxDescriptor.PostBuffer>> postedBuffers = new ArrayList<>();
    final List<Slot<TxDescriptor.ToeSend>> toeSends = new ArrayList<>();
    final List<Slot<ToeCommand>> commands = new ArrayList<>();
    final List<Frame> sentFrames = new ArrayList<>();
    final List<Long> sentAtPs = new ArrayList<>();
    QueryAnswer answer = QueryAnswer.TOE;

    ScriptedNic(Simulator sim, DeviceBus bus, PcieSpec spec) {
        this.sim = sim;
        this.bus = bus;
        this.dma = new DmaEngine(sim, bus, spec, 64);
        this.queues = new DeviceQueues(sim, dma, bus, "scripted", 8, 64, this);
    }

    @Override
    public void receive(HostToDevice message) {
        if (message instanceof HostToDevice.MmioWrite w) {
            writes.add(new Written(sim.now(), w.sentPs(), w.offset(), w.value()));
            if (w.offset() != Registers.CONTROL && !queues.onMmioWrite(w)) {
                throw new AssertionError("unhandled register write " + w);
            }
        } else if (message instanceof HostToDevice.MmioRead r) {
            bus.sendToHost(new DeviceToHost.MmioReadCompletion(r.requestId(), sim.now(),
                    r.offset() == Registers.STATUS ? 1 : queues.readRegister(r.offset()), r.lenBytes()));
        } else if (message instanceof HostToDevice.DmaReadCompletion c) {
            if (!dma.onCompletion(c)) {
                throw new AssertionError("completion for no read: " + c);
            }
        }
    }

    @Override
    public void onFetched(FetchRing ring) {
        while (ring.hasFetched()) {
            int fetchedSlot = ring.nextIndex();
            RingEntry e = ring.take();
            boolean heldByCard = ring.id() == RingId.POST || e instanceof TxDescriptor.ToeSend;
            if (heldByCard) {
                ring.complete(fetchedSlot); // posted buffers and offloaded sends free their slot once fetched
            }
            int slot = heldByCard ? -1 : fetchedSlot;
            if (e instanceof RxDescriptor.NicBuffer b) {
                rxBuffers.addLast(new Slot<>(slot, b));
            } else if (e instanceof RxDescriptor.PostBuffer b) {
                postedBuffers.add(new Slot<>(slot, b));
            } else if (e instanceof TxDescriptor.NicSend s) {
                DmaReadCallback cb = (cookie, data) -> {
                    sentFrames.add(((DmaData.FrameImage) data).frame());
                    sentAtPs.add(sim.now());
                    completion().post(new DeviceCompletion.NicSendCompletion(s.cookie()));
                    queues.fetchRing(RingId.SEND).complete(slot);
                };
                dma.read(s.hostAddr(), s.lenBytes(), cb, slot);
            } else if (e instanceof TxDescriptor.ToeSend s) {
                toeSends.add(new Slot<>(slot, s));
            } else if (e instanceof ToeCommand.CapabilityQuery q) {
                answerQuery(slot, q);
            } else if (e instanceof ToeCommand c) {
                commands.add(new Slot<>(slot, c));
            } else {
                throw new AssertionError("unexpected " + e);
            }
        }
    }

    private void answerQuery(int slot, ToeCommand.CapabilityQuery q) {
        switch (answer) {
            case SILENT -> {
                return;
            }
            case NOT_SUPPORTED -> completion().post(new DeviceCompletion.CommandCompletion(q.commandId(),
                    CommandStatus.NOT_SUPPORTED, 0));
            case TOE, PLAIN -> {
                Capability cap = answer == QueryAnswer.TOE ? TOE_CAPABILITY
                        : Capability.none(java.util.EnumSet.of(org.toesim.nic.device.OffloadFeature.CHECKSUM_OFFLOAD));
                dma.write(q.resultAddr(), new DmaData.CapabilityImage(cap));
                completion().post(new DeviceCompletion.CommandCompletion(q.commandId(), CommandStatus.SUCCESS,
                        DmaData.CapabilityImage.SIZE_BYTES));
            }
        }
        queues.fetchRing(RingId.COMMAND).complete(slot);
    }

    /** Places {@code frame} in the next posted receive buffer and completes it (now). */
    void deliver(Frame frame, boolean checksumVerified) {
        Slot<RxDescriptor.NicBuffer> s = rxBuffers.pollFirst();
        if (s == null) {
            throw new AssertionError("no receive buffer posted");
        }
        dma.write(s.entry().hostAddr(), new DmaData.FrameImage(frame));
        completion().post(new DeviceCompletion.NicReceiveCompletion(s.entry().cookie(), frame.lenBytes(),
                checksumVerified));
        queues.fetchRing(RingId.RECEIVE).complete(s.slot());
    }

    /** Completes a command kept by the device. */
    void completeCommand(Slot<ToeCommand> c, CommandStatus status) {
        completion().post(new DeviceCompletion.CommandCompletion(c.entry().commandId(), status, 0));
        queues.fetchRing(RingId.COMMAND).complete(c.slot());
    }

    void completeBuffer(Slot<RxDescriptor.PostBuffer> b, int bytesPlaced) {
        completion().post(new DeviceCompletion.ReceiveCompletion(b.entry().handle(), b.entry().cookie(), bytesPlaced,
                true, CommandStatus.SUCCESS));
        if (b.slot() >= 0) {
            queues.fetchRing(RingId.RECEIVE).complete(b.slot());
        }
    }

    void completeSend(Slot<TxDescriptor.ToeSend> s) {
        completion().post(new DeviceCompletion.SendCompletion(s.entry().handle(), s.entry().cookie(),
                s.entry().lenBytes(), CommandStatus.SUCCESS));
    }

    void raiseEvent(DeviceEvent event) {
        queues.writeBackRing(RingId.EVENT).post(event);
    }

    /** Values written to register {@code offset}, in arrival order. */
    List<Long> valuesWritten(long offset) {
        List<Long> out = new ArrayList<>();
        for (Written w : writes) {
            if (w.offset() == offset) {
                out.add(w.value());
            }
        }
        return out;
    }

    private org.toesim.nic.ring.WriteBackRing completion() {
        return queues.writeBackRing(RingId.COMPLETION);
    }
}
