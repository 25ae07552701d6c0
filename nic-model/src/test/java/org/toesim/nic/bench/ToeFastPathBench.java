package org.toesim.nic.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.toesim.core.event.Simulator;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.nic.device.CcbImage;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.HostEndpoint;
import org.toesim.nic.device.HostToDevice;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.RingId;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;
import org.toesim.nic.frame.MacAddress;
import org.toesim.nic.mac.MacConfig;
import org.toesim.nic.mac.MacPort;
import org.toesim.nic.pcie.PcieLink;
import org.toesim.nic.pcie.PcieSpec;
import org.toesim.nic.toe.Toe;
import org.toesim.nic.toe.ToeConfig;
import org.toesim.tcp.engine.SegmentSink;
import org.toesim.tcp.engine.TcpConfig;
import org.toesim.tcp.engine.TcpConnection;
import org.toesim.tcp.engine.TcpEvents;
import org.toesim.tcp.engine.TcpState;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

/**
 * The TOE receive fast path, one in-order 1460 B data frame per operation: MAC -&gt; classifier
 * (CCB lookup) -&gt; card core work -&gt; engine input -&gt; DMA write of the payload into a posted
 * buffer -&gt; card ACK (every second segment, RFC 1122 §4.2.3.2, plus window updates) -&gt; MAC transmit. Frames arrive
 * every 3 us of simulated time (the connection's core spends 1.5 us per segment plus 1 us per
 * ACK, so it keeps up); a minimal host answers ring fetches, re-posts 1 MiB buffers as they complete and releases
 * completion slots, and keeps nothing per frame.
 *
 * <p>{@code frame} is the whole path; {@code buildFrameOnly} builds the same input frame
 * (segment, payload, IPv4 header, frame) and nothing else, so {@code frame - buildFrameOnly}
 * is what the card costs per frame, in time and in {@code gc.alloc.rate.norm}.
 *
 * <pre>
 * ./mvnw -q -o -Pjmh -pl nic-model -am test-compile exec:exec -Djmh.args="ToeFastPathBench -prof gc -wi 2 -i 3 -w 2 -r 2"
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class ToeFastPathBench {
    static final int HOST_IP = 0x0A000001;
    static final int PEER_IP = 0x0A000002;
    static final long PEER_MAC = MacAddress.local(9);
    static final long FRAME_GAP_PS = 3 * Units.PS_PER_US;
    static final int MSS = 1460;
    static final int BUFFER_BYTES = 1 << 20;
    static final int RX_SLOTS = 256;
    static final int CPL_SLOTS = 256;
    static final long CMD_BASE = 0x10000;
    static final long RX_BASE = 0x20000;
    static final long CPL_BASE = 0x40000;
    static final long EVT_BASE = 0x50000;
    static final long STATE_ADDR = 0x100000;
    static final long BUFFERS = 0x1000_0000L;

    /** A host that answers ring fetches and keeps nothing per message. */
    private final class Host implements HostEndpoint {
        final RingEntry[] cmd = new RingEntry[16];
        final RingEntry[] rx = new RingEntry[RX_SLOTS];
        DmaData state;
        long completions;
        int cplHead;
        long nextId = 1;

        @Override
        public void receive(DeviceToHost message) {
            if (message instanceof DeviceToHost.DmaReadRequest r) {
                link.sendToDevice(new HostToDevice.DmaReadCompletion(r.requestId(), sim.now(), r.hostAddr(),
                        read(r.hostAddr(), r.lenBytes())));
            } else if (message instanceof DeviceToHost.DmaWrite w && w.data() instanceof DmaData.Entries e
                    && w.hostAddr() >= CPL_BASE && w.hostAddr() < EVT_BASE) {
                for (RingEntry x : e.entries()) {
                    if (x instanceof DeviceCompletion.ReceiveCompletion) {
                        completions++;
                    }
                }
                cplHead = (cplHead + e.entries().size()) % CPL_SLOTS;
                mmio(Registers.ring(RingId.COMPLETION, Registers.RING_HEAD), cplHead);
            }
        }

        private DmaData read(long addr, int lenBytes) {
            RingEntry[] ring = addr >= RX_BASE && addr < CPL_BASE ? rx : addr >= CMD_BASE && addr < RX_BASE ? cmd : null;
            if (ring == null) {
                return DmaData.readOf(STATE_ADDR, state, addr, lenBytes);
            }
            long base = ring == rx ? RX_BASE : CMD_BASE;
            int entryBytes = ring == rx ? RingId.RECEIVE.entryBytes() : RingId.COMMAND.entryBytes();
            int first = (int) ((addr - base) / entryBytes);
            List<RingEntry> out = new ArrayList<>(lenBytes / entryBytes);
            for (int i = 0; i < lenBytes / entryBytes; i++) {
                out.add(ring[first + i]);
            }
            return new DmaData.Entries(out, entryBytes);
        }

        void mmio(long offset, long value) {
            link.sendToDevice(new HostToDevice.MmioWrite(nextId++, sim.now(), Registers.BAR, offset,
                    (value >>> 32) == 0 ? 4 : 8, value));
        }
    }

    private Simulator sim;
    private PcieLink link;
    private Host host;
    private MacPort mac;
    private Toe toe;
    private OffloadHandle handle;
    private int rxTail;
    private long posted;
    private int seq;
    private int ack;
    private long streamOffset;
    private long frameId;
    private int ipId;
    private long framesOut;
    private long framesIn;
    private long cardMac;

    @Setup(Level.Trial)
    public void setUp() {
        sim = new Simulator();
        link = new PcieLink(sim, "pcie", PcieSpec.gen3x8());
        host = new Host();
        mac = new MacPort(sim, "toe.mac", MacConfig.tenGig());
        ToeConfig config = ToeConfig.defaults();
        cardMac = config.localMac();
        toe = new Toe(sim, link, PcieSpec.gen3x8(), config, mac, "toe");
        link.attach(host, toe);
        mac.connectWire((f, t) -> framesOut++);
        ring(RingId.COMMAND, CMD_BASE, 16);
        ring(RingId.RECEIVE, RX_BASE, RX_SLOTS);
        ring(RingId.COMPLETION, CPL_BASE, CPL_SLOTS);
        ring(RingId.EVENT, EVT_BASE, 64);
        sim.run();

        TcpConfig tcp = TcpConfig.builder().timestamps(false).sack(false).windowScale(false).build();
        FourTuple tuple = new FourTuple(HOST_IP, 5000, PEER_IP, 80);
        TcpConnection local = new TcpConnection(tuple, tcp, TcpEvents.NONE, TraceSink.NONE, "host");
        TcpConnection peer = new TcpConnection(tuple.reversed(), tcp, TcpEvents.NONE, TraceSink.NONE, "peer");
        handshake(local, peer);
        handle = new OffloadHandle.Allocator(1).allocate();
        CcbImage image = new CcbImage(local.snapshot(sim.now()));
        host.state = new DmaData.StateImage(image);
        host.cmd[0] = new ToeCommand.InitiateOffload(1, handle, STATE_ADDR, image.imageSizeBytes());
        host.mmio(Registers.ring(RingId.COMMAND, Registers.RING_TAIL), 1);
        sim.runUntil(sim.now() + 100 * Units.PS_PER_US);
        for (int i = 0; i < 4; i++) {
            post();
        }
        sim.runUntil(sim.now() + 100 * Units.PS_PER_US);
        seq = peer.sndNxt();
        ack = peer.rcvNxt();
    }

    private void ring(RingId id, long base, int slots) {
        host.mmio(Registers.ring(id, Registers.RING_BASE), base);
        if (id.producer() == RingId.Producer.DEVICE) {
            host.mmio(Registers.ring(id, Registers.RING_VECTOR), 0);
        }
        host.mmio(Registers.ring(id, Registers.RING_SIZE), slots);
    }

    private void post() {
        host.rx[rxTail] = new RxDescriptor.PostBuffer(handle, BUFFERS + (posted % 8) * BUFFER_BYTES, BUFFER_BYTES,
                posted);
        rxTail = (rxTail + 1) % RX_SLOTS;
        posted++;
        host.mmio(Registers.ring(RingId.RECEIVE, Registers.RING_TAIL), rxTail);
    }

    private void handshake(TcpConnection local, TcpConnection peer) {
        List<Segment> toPeer = new ArrayList<>();
        List<Segment> toLocal = new ArrayList<>();
        SegmentSink ls = (t, s) -> toPeer.add(s);
        SegmentSink ps = (t, s) -> toLocal.add(s);
        local.connect(1000, 0);
        peer.listen(0xFFFFF000, 0);
        local.poll(0, ls);
        for (int round = 0; round < 10; round++) {
            for (Segment s : List.copyOf(toPeer)) {
                peer.input(s, 0, ps);
            }
            toPeer.clear();
            peer.poll(0, ps);
            for (Segment s : List.copyOf(toLocal)) {
                local.input(s, 0, ls);
            }
            toLocal.clear();
            local.poll(0, ls);
        }
        if (local.state() != TcpState.ESTABLISHED || peer.state() != TcpState.ESTABLISHED) {
            throw new IllegalStateException("handshake failed: " + local + " / " + peer);
        }
    }

    private Frame nextFrame() {
        Segment s = new Segment(80, 5000, seq, ack, TcpFlags.ACK, 65535, 0, TcpOptions.NONE,
                Payload.virtual(streamOffset, MSS));
        seq += MSS;
        streamOffset += MSS;
        return Frame.of(frameId++, PEER_MAC, cardMac,
                Ipv4Header.of(PEER_IP, HOST_IP, ipId++ & 0xFFFF), s);
    }

    /** One in-order data frame through the card, then 3 us of simulated time. */
    @Benchmark
    public long frame() {
        mac.receive(nextFrame(), sim.now());
        framesIn++;
        sim.runUntil(sim.now() + FRAME_GAP_PS);
        if (posted - host.completions < 4) {
            post();
        }
        return framesOut;
    }

    /** Fails the run if any fed frame left the fast path or was not placed (the score would be meaningless). */
    @TearDown(Level.Trial)
    public void check() {
        org.toesim.nic.toe.ToeReport r = toe.report(null);
        long fast = r.paths().get(org.toesim.nic.toe.PathReason.FAST_DATA);
        if (fast != framesIn || r.framesRefusedBusy() != 0 || r.bytesPlaced() < (framesIn - 300) * (long) MSS) {
            throw new IllegalStateException(framesIn + " frames fed, " + fast + " fast, " + r);
        }
    }

    /** The card under test (for the sanity test). */
    Toe toe() {
        return toe;
    }

    org.toesim.nic.device.OffloadHandle handleForTest() {
        return handle;
    }

    /** Builds the input frame only (the baseline to subtract). */
    @Benchmark
    public Frame buildFrameOnly() {
        return nextFrame();
    }
}
