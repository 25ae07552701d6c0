package org.toesim.nic.plain;

import java.util.EnumSet;
import java.util.Objects;
import org.toesim.core.event.Simulator;
import org.toesim.core.stats.StatsRegistry;
import org.toesim.nic.device.Capability;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceEndpoint;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.HostToDevice;
import org.toesim.nic.device.OffloadFeature;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.RingId;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.frame.EthernetWire;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.FrameSink;
import org.toesim.nic.irq.InterruptModerator;
import org.toesim.nic.irq.InterruptVectors;
import org.toesim.nic.mac.MacPort;
import org.toesim.nic.pcie.PcieLink;
import org.toesim.nic.ring.FetchRing;

/**
 * The plain NIC, the host-stack baseline adapter, as a behavioural model in the SimBricks
 * style: it sees only MMIO writes/reads, DMA read completions, frames from its {@link MacPort}
 * and its own timers, and answers with DMA reads/writes, MSI-X interrupts and frames.
 *
 * <pre>
 *   host --MmioWrite--&gt; registers: rings of queue q (Registers.ring(q, ..)), moderation per
 *                       vector, RSS key and table, CONTROL
 *   host --MmioRead---&gt; STATUS (1), QUEUES, ring indices, RSS key/table
 *   RECEIVE[q]/SEND[q]/COMMAND fetched --&gt; RxPath (buffers) / TxPath (sends) / capability query
 *   MacPort --frame--&gt; RxPath: FCS, RSS, LRO, DMA write, completion, moderated MSI-X
 *   TxPath: DMA read of the frame, TSO, MacPort.send (held while the MAC queue is full)
 * </pre>
 * The model adds no processing time of its own: everything it does costs link time (PCIe,
 * DMA tags) and line time (MAC). Each queue pair's COMPLETION ring raises vector {@code q}
 * until the driver writes another into its VECTOR register.
 */
public final class PlainNic implements DeviceEndpoint, FrameSink, FetchRing.Listener {
    private final Simulator sim;
    private final String name;
    private final PlainNicConfig config;
    private final PcieLink link;
    private final MacPort mac;
    private final DmaEngine dma;
    private final PlainNicStats stats;
    private final RssSteering rss;
    private final QueuePair[] queues;
    private final InterruptVectors vectors;
    private final RxPath rx;
    private final TxPath tx;
    private final Capability capability;

    /**
     * A NIC named {@code name} (event owner, counter prefix) sending to the host through
     * {@code link} and to the wire through {@code mac}, whose receiver and TxDone listener it
     * becomes (replacing any listener set before). The caller still attaches the link
     * ({@code link.attach(host, nic)}). Counters are registered with {@link #registerStats}.
     */
    public PlainNic(Simulator sim, String name, PlainNicConfig config, PcieLink link, MacPort mac) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
        this.link = Objects.requireNonNull(link, "link");
        this.mac = Objects.requireNonNull(mac, "mac");
        if (!mac.config().equals(config.mac())) {
            throw new IllegalArgumentException("MAC port " + mac.name() + " is configured " + mac.config()
                    + ", the NIC config says " + config.mac());
        }
        this.dma = new DmaEngine(sim, link, link.spec(), config.maxReadTags());
        if (config.tso() && dma.maxReadBytes() < EthernetWire.HEADER_BYTES + PlainNicConfig.MAX_IP_PACKET_BYTES) {
            throw new IllegalArgumentException("TSO needs one DMA read of a 64 KiB send: " + config.maxReadTags()
                    + " tags x MRRS " + link.spec().mrrsBytes() + " B = " + dma.maxReadBytes() + " B is too small");
        }
        this.vectors = new InterruptVectors(sim, link, name, config.moderationUsecs(), config.moderationFrames());
        this.stats = new PlainNicStats(name, config.queues());
        this.rss = new RssSteering(config.queues());
        this.queues = new QueuePair[config.queues()];
        for (int q = 0; q < queues.length; q++) {
            queues[q] = new QueuePair(sim, q, dma, config, this, this::moderator, stats.queue(q), name);
        }
        this.rx = new RxPath(sim, dma, config, stats, rss, queues, name);
        this.tx = new TxPath(dma, config, queues, mac);
        this.capability = Capability.none(features(config));
        mac.connectReceiver(this);
        mac.setTxDoneListener((frame, nowPs) -> tx.drainToMac());
    }

    private static EnumSet<OffloadFeature> features(PlainNicConfig config) {
        EnumSet<OffloadFeature> f = EnumSet.of(OffloadFeature.IPV4);
        if (config.rxChecksumOffload() || config.txChecksumOffload()) {
            f.add(OffloadFeature.CHECKSUM_OFFLOAD);
        }
        if (config.tso()) {
            f.add(OffloadFeature.SEGMENTATION_OFFLOAD);
        }
        if (config.lro()) {
            f.add(OffloadFeature.LARGE_RECEIVE_OFFLOAD);
        }
        if (config.queues() > 1) {
            f.add(OffloadFeature.RECEIVE_SIDE_SCALING);
        }
        return f;
    }

    @Override
    public void receive(HostToDevice message) {
        if (message instanceof HostToDevice.MmioWrite w) {
            if (!onMmioWrite(w)) {
                throw new IllegalArgumentException(name + ": write to no register: " + w);
            }
        } else if (message instanceof HostToDevice.MmioRead r) {
            link.sendToHost(new DeviceToHost.MmioReadCompletion(r.requestId(), sim.now(), readRegister(r.offset()),
                    r.lenBytes()));
        } else if (message instanceof HostToDevice.DmaReadCompletion c) {
            if (!dma.onCompletion(c)) {
                throw new IllegalStateException(name + ": read completion for no pending read: " + c);
            }
        }
    }

    /** A frame from the MAC port (FCS and MTU already checked there). */
    @Override
    public void receive(Frame frame, long nowPs) {
        rx.receive(frame);
    }

    @Override
    public void onFetched(FetchRing ring) {
        for (QueuePair qp : queues) {
            if (ring == qp.rx) {
                rx.onBuffersFetched(qp.index);
                return;
            }
            if (ring == qp.tx) {
                tx.pump();
                return;
            }
            if (ring == qp.command) {
                runCommands(qp);
                return;
            }
        }
    }

    private boolean onMmioWrite(HostToDevice.MmioWrite w) {
        if (w.bar() != Registers.BAR) {
            return false;
        }
        long off = w.offset();
        if (off == Registers.CONTROL) {
            return true;
        }
        int q = Registers.queueAt(off);
        if (q >= 0) {
            RingId ring = Registers.ringInQueueAt(off);
            return q < queues.length && ring != null && queues[q].onRingWrite(ring, Registers.ringField(off), w.value());
        }
        if (InterruptVectors.isInterruptRegister(off)) {
            return vectors.onRegisterWrite(off, w.value());
        }
        return onRssWrite(off, w.value());
    }

    private boolean onRssWrite(long off, long value) {
        if (off >= Registers.RSS_TABLE && off < Registers.rssTable(Registers.RSS_TABLE_ENTRIES - 1) + 4
                && (off - Registers.RSS_TABLE) % 4 == 0) {
            rss.setEntry((int) ((off - Registers.RSS_TABLE) / 4), (int) value);
            return true;
        }
        if (off >= Registers.RSS_KEY && off < Registers.RSS_KEY + Registers.RSS_KEY_BYTES
                && (off - Registers.RSS_KEY) % 4 == 0) {
            rss.setKeyWord((int) ((off - Registers.RSS_KEY) / 4), (int) value);
            return true;
        }
        return false;
    }

    private long readRegister(long off) {
        if (off == Registers.STATUS) {
            return 1;
        }
        if (off == Registers.QUEUES) {
            return queues.length;
        }
        int q = Registers.queueAt(off);
        RingId ring = Registers.ringInQueueAt(off);
        if (q >= 0 && q < queues.length && ring != null) {
            return queues[q].readRing(ring, Registers.ringField(off));
        }
        if (off >= Registers.RSS_TABLE && off < Registers.RSS_TABLE + 4L * Registers.RSS_TABLE_ENTRIES) {
            return rss.entry((int) ((off - Registers.RSS_TABLE) / 4));
        }
        if (off >= Registers.RSS_KEY && off < Registers.RSS_KEY + Registers.RSS_KEY_BYTES) {
            return rss.keyWord((int) ((off - Registers.RSS_KEY) / 4)) & 0xFFFF_FFFFL;
        }
        return 0;
    }

    /** Answers commands on queue 0's COMMAND ring: the capability query; others are not supported. */
    private void runCommands(QueuePair qp) {
        while (qp.command.hasFetched()) {
            int slot = qp.command.nextIndex();
            RingEntry e = qp.command.take();
            if (e instanceof ToeCommand.CapabilityQuery query) {
                dma.write(query.resultAddr(), new DmaData.CapabilityImage(capability));
                qp.completion.post(new DeviceCompletion.CommandCompletion(query.commandId(), CommandStatus.SUCCESS,
                        DmaData.CapabilityImage.SIZE_BYTES));
            } else if (e instanceof ToeCommand cmd) {
                qp.completion.post(new DeviceCompletion.CommandCompletion(cmd.commandId(),
                        CommandStatus.NOT_SUPPORTED, 0));
            } else {
                throw new IllegalStateException(name + ": COMMAND slot " + slot + " holds " + e);
            }
            qp.command.complete(slot);
        }
    }

    /** The moderator of MSI-X {@code vector} (created on first use with the configured moderation). */
    public InterruptModerator moderator(int vector) {
        return vectors.moderator(vector);
    }

    /** Interrupts raised on {@code vector} so far. */
    public long interrupts(int vector) {
        return vectors.interrupts(vector);
    }

    /** Counters (device-wide and per queue). */
    public PlainNicStats stats() {
        return stats;
    }

    /** Registers the NIC's counters and its DMA engine (warm-up reset) in {@code registry}. */
    public PlainNic registerStats(StatsRegistry registry) {
        stats.registerIn(registry);
        registry.register(dma);
        return this;
    }

    /** The DMA engine (byte counters: {@code dma().stats()}). */
    public DmaEngine dma() {
        return dma;
    }

    /** Receive-side scaling state (hash and indirection table). */
    public RssSteering rss() {
        return rss;
    }

    /** What the NIC answers to a capability query. */
    public Capability capability() {
        return capability;
    }

    public PlainNicConfig config() {
        return config;
    }

    public String name() {
        return name;
    }

    public MacPort mac() {
        return mac;
    }

    /** Bytes of frame data held in the transmit packet buffer (read, not yet handed to the MAC). */
    public long txBufferedBytes() {
        return tx.bufferedBytes();
    }

    /** Bytes of frames waiting in the receive packet buffer for fetched descriptors. */
    public long rxBufferedBytes() {
        return rx.waitingBytes();
    }

    /** Every ring's indices now (queue by queue: receive, send, command, completion), for bounds checks. */
    public java.util.List<org.toesim.nic.ring.RingIndices> ringIndices() {
        java.util.List<org.toesim.nic.ring.RingIndices> out = new java.util.ArrayList<>(4 * queues.length);
        for (QueuePair q : queues) {
            String owner = q.owner;
            out.add(q.rx.indices(owner));
            out.add(q.tx.indices(owner));
            if (q.command != null) {
                out.add(q.command.indices(owner));
            }
            out.add(q.completion.indices(owner));
        }
        return out;
    }
}
