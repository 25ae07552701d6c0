package org.toesim.nic.toe;

import java.util.ArrayList;
import java.util.List;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.trace.TraceSink;
import org.toesim.nic.device.CcbImage;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceEvent;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.RingId;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;
import org.toesim.nic.frame.MacAddress;
import org.toesim.nic.mac.MacConfig;
import org.toesim.nic.mac.MacPort;
import org.toesim.nic.pcie.PcieSpec;
import org.toesim.nic.testing.DeviceHarness;
import org.toesim.nic.testing.Recorded;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.engine.SegmentSink;
import org.toesim.tcp.engine.TcpConfig;
import org.toesim.tcp.engine.TcpConnection;
import org.toesim.tcp.engine.TcpEvents;
import org.toesim.tcp.engine.TcpState;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;

/**
 * Test bench for the TOE: a {@link DeviceHarness} (scripted host memory over a real PCIe link)
 * plus the card's MAC wired to a real remote {@link TcpConnection} (the peer). Connections are
 * set up between a host-side engine and the peer in memory, then handed to the card with a real
 * InitiateOffload command. Frames the card sends reach the peer at their MAC transmit-done
 * instant (unless {@link #holdWire} is set); the peer's frames enter the card's MAC at once.
 */
final class ToeBench {
    static final int HOST_IP = 0x0A000001;
    static final int PEER_IP = 0x0A000002;
    static final long PEER_MAC = MacAddress.local(9);
    static final long CMD_BASE = 0x10000;
    static final long SEND_BASE = 0x20000;
    static final long RX_BASE = 0x30000;
    static final long CPL_BASE = 0x40000;
    static final long EVT_BASE = 0x50000;
    static final long STATE_ADDR = 0x60000;
    static final TcpConfig TCP = TcpConfig.builder().timestamps(false).sack(false).windowScale(false).build();

    final DeviceHarness h;
    final Toe toe;
    final MacPort mac;
    final OffloadHandle.Allocator handles = new OffloadHandle.Allocator(1);
    final List<Frame> wireOut = new ArrayList<>();
    /** The instant each frame of {@link #wireOut} left the card's MAC. */
    final List<Long> wireOutPs = new ArrayList<>();
    final List<Frame> held = new ArrayList<>();
    boolean holdWire;
    private int cmdTail;
    private int sendTail;
    private int rxTail;
    private long nextCommandId = 1;
    private int nextIpId;

    /** Settings of the host-side and peer engines (both ends negotiate from these). */
    TcpConfig tcp = TCP;

    ToeBench(ToeConfig config) {
        MacPort[] port = new MacPort[1];
        this.h = new DeviceHarness(PcieSpec.gen3x8(), (sim, bus) -> {
            port[0] = new MacPort(sim, "toe.mac", MacConfig.tenGig());
            return new Toe(sim, bus, PcieSpec.gen3x8(), config, port[0], "toe");
        });
        this.mac = port[0];
        this.toe = h.device();
        mac.connectWire((f, t) -> {
            wireOut.add(f);
            wireOutPs.add(t);
            if (holdWire) {
                held.add(f);
            } else {
                deliverToPeer(f);
            }
        });
        h.configureRing(RingId.COMMAND, CMD_BASE, 64);
        h.configureRing(RingId.SEND, SEND_BASE, 64);
        h.configureRing(RingId.RECEIVE, RX_BASE, 128);
        h.configureRing(RingId.COMPLETION, CPL_BASE, 256);
        h.configureRing(RingId.EVENT, EVT_BASE, 64);
        h.runUntilIdle();
    }

    ToeBench() {
        this(ToeConfig.defaults());
    }

    // ------------------------------------------------------------------ host actions

    long command(ToeCommand cmd) {
        h.hostRing(RingId.COMMAND).set(cmdTail, cmd);
        cmdTail = (cmdTail + 1) % 64;
        h.mmioWrite(Registers.ring(RingId.COMMAND, Registers.RING_TAIL), cmdTail);
        return cmd.commandId();
    }

    long nextCommandId() {
        return nextCommandId++;
    }

    void post(RxDescriptor d) {
        h.hostRing(RingId.RECEIVE).set(rxTail, d);
        rxTail = (rxTail + 1) % 128;
        h.mmioWrite(Registers.ring(RingId.RECEIVE, Registers.RING_TAIL), rxTail);
    }

    void send(TxDescriptor d) {
        h.hostRing(RingId.SEND).set(sendTail, d);
        sendTail = (sendTail + 1) % 64;
        h.mmioWrite(Registers.ring(RingId.SEND, Registers.RING_TAIL), sendTail);
    }

    /** Sets up a connection host:hostPort &lt;-&gt; peer:80 in memory and offloads it; returns the connection. */
    Conn offload(int hostPort) {
        Conn c = establish(hostPort);
        offload(c, c.host.snapshot(h.now()));
        return c;
    }

    void offload(Conn c, ControlBlock ccb) {
        h.memory().put(STATE_ADDR + c.handleIndex * 0x4000L, new DmaData.StateImage(new CcbImage(ccb)));
        command(new ToeCommand.InitiateOffload(nextCommandId(), c.handle, STATE_ADDR + c.handleIndex * 0x4000L,
                new CcbImage(ccb).imageSizeBytes()));
        h.runFor(100_000_000L);
    }

    private int handleCount;

    Conn establish(int hostPort) {
        Conn c = new Conn(hostPort, handles.allocate(), handleCount++);
        c.host.connect(1000 + hostPort, h.now());
        c.peer.listen(0xFFFFF000, h.now());
        List<Segment> toPeer = new ArrayList<>();
        List<Segment> toHost = new ArrayList<>();
        SegmentSink hs = (t, s) -> toPeer.add(s);
        SegmentSink ps = (t, s) -> toHost.add(s);
        c.host.poll(h.now(), hs);
        for (int round = 0; round < 10 && !(c.host.state() == TcpState.ESTABLISHED
                && c.peer.state() == TcpState.ESTABLISHED && toPeer.isEmpty() && toHost.isEmpty()); round++) {
            for (Segment s : List.copyOf(toPeer)) {
                toPeer.remove(s);
                c.peer.input(s, h.now(), ps);
            }
            c.peer.poll(h.now(), ps);
            for (Segment s : List.copyOf(toHost)) {
                toHost.remove(s);
                c.host.input(s, h.now(), hs);
            }
            c.host.poll(h.now(), hs);
        }
        if (c.host.state() != TcpState.ESTABLISHED || c.peer.state() != TcpState.ESTABLISHED) {
            throw new AssertionError("handshake failed: " + c.host + " / " + c.peer);
        }
        return c;
    }

    // ------------------------------------------------------------------ wire

    Frame frameFromPeer(Conn c, Segment seg) {
        return Frame.of(9_000 + nextIpId, PEER_MAC, toe.config().localMac(),
                Ipv4Header.of(PEER_IP, HOST_IP, nextIpId++ & 0xFFFF), seg);
    }

    void deliverToPeer(Frame f) {
        for (Conn c : conns) {
            if (f.tcp().dstPort() == 80 && f.tcp().srcPort() == c.hostPort) {
                c.fromCard.add(f.tcp());
                c.peer.input(f.tcp(), h.now(), c.peerSink);
                c.kick();
            }
        }
    }

    void releaseWire() {
        holdWire = false;
        List<Frame> copy = List.copyOf(held);
        held.clear();
        copy.forEach(this::deliverToPeer);
    }

    // ------------------------------------------------------------------ observations

    /** Every completion entry the card wrote, in order. */
    List<DeviceCompletion> completions() {
        List<DeviceCompletion> out = new ArrayList<>();
        for (Recorded r : h.received()) {
            if (r.message() instanceof DeviceToHost.DmaWrite w && w.data() instanceof DmaData.Entries e
                    && w.hostAddr() >= CPL_BASE && w.hostAddr() < EVT_BASE) {
                for (RingEntry x : e.entries()) {
                    out.add((DeviceCompletion) x);
                }
            }
        }
        return out;
    }

    /** Every event entry the card wrote, in order. */
    List<DeviceEvent> events() {
        List<DeviceEvent> out = new ArrayList<>();
        for (Recorded r : h.received()) {
            if (r.message() instanceof DeviceToHost.DmaWrite w && w.data() instanceof DmaData.Entries e
                    && w.hostAddr() >= EVT_BASE && w.hostAddr() < STATE_ADDR) {
                for (RingEntry x : e.entries()) {
                    out.add((DeviceEvent) x);
                }
            }
        }
        return out;
    }

    /** Instant the event-ring write carrying {@code event} reached the host. */
    long eventAtPs(DeviceEvent event) {
        for (Recorded r : h.received()) {
            if (r.message() instanceof DeviceToHost.DmaWrite w && w.data() instanceof DmaData.Entries e
                    && w.hostAddr() >= EVT_BASE && e.entries().contains(event)) {
                return r.atPs();
            }
        }
        throw new AssertionError("no event " + event);
    }

    /** Data DMA writes (not ring entries) in order. */
    List<DeviceToHost.DmaWrite> dataWrites() {
        List<DeviceToHost.DmaWrite> out = new ArrayList<>();
        for (Recorded r : h.received()) {
            if (r.message() instanceof DeviceToHost.DmaWrite w && !(w.data() instanceof DmaData.Entries)) {
                out.add(w);
            }
        }
        return out;
    }

    final List<Conn> conns = new ArrayList<>();

    /** One connection: the host-side engine (before offload), the peer, and what the peer received. */
    final class Conn implements TcpEvents {
        final int hostPort;
        final OffloadHandle handle;
        final int handleIndex;
        final TcpConnection host;
        final TcpConnection peer;
        final List<Segment> fromCard = new ArrayList<>();
        final SegmentSink peerSink;
        final Event peerWake;

        Conn(int hostPort, OffloadHandle handle, int handleIndex) {
            this.hostPort = hostPort;
            this.handle = handle;
            this.handleIndex = handleIndex;
            FourTuple t = new FourTuple(HOST_IP, hostPort, PEER_IP, 80);
            this.host = new TcpConnection(t, tcp, TcpEvents.NONE, TraceSink.NONE, "host");
            this.peer = new TcpConnection(t.reversed(), tcp, this, TraceSink.NONE, "peer");
            this.peerSink = (tuple, s) -> mac.receive(frameFromPeer(this, s), h.now());
            this.peerWake = h.sim().newEvent("peer", "peer", Priority.TIMER, () -> {
                peer.poll(h.now(), peerSink);
                kick();
            });
            conns.add(this);
        }

        /** The peer sends {@code data} now (real bytes). */
        void peerSends(byte[] data) {
            peer.send(data, 0, data.length, h.now());
            peer.poll(h.now(), peerSink);
            kick();
        }

        void kick() {
            long w = peer.nextWakeupPs();
            if (w == Long.MAX_VALUE) {
                h.sim().cancel(peerWake);
            } else {
                h.sim().scheduleAt(peerWake, Math.max(h.now(), w));
            }
        }

        /** Bytes the peer's application has received (reads them). */
        byte[] peerReads() {
            List<Payload> runs = peer.read(Long.MAX_VALUE, h.now());
            int n = runs.stream().mapToInt(Payload::lenBytes).sum();
            byte[] out = new byte[n];
            int off = 0;
            for (Payload p : runs) {
                p.copyTo(out, off);
                off += p.lenBytes();
            }
            return out;
        }
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    static byte[] content(Payload p) {
        return p.toByteArray();
    }
}
