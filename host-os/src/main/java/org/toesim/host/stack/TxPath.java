package org.toesim.host.stack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.stats.Counter;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.host.cpu.CostCategory;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.cpu.WorkClass;
import org.toesim.host.cpu.WorkHandler;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;
import org.toesim.tcp.engine.SegmentSink;
import org.toesim.tcp.segment.EcnCodepoint;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * The transmit half of the IP layer: collects the segments an engine call emits, merges
 * back-to-back data segments into one large segment when the device does TSO, wraps each into a
 * {@link Frame} (IP id, TTL/TOS from the connection's settings, MACs from the neighbour table),
 * charges its CPU cost and hands it to the device when that work completes.
 *
 * <pre>
 *   engine.input/poll --send(tuple, seg)--&gt; collected
 *   flush(conn, core, class): [TSO merge] -&gt; Frame -&gt; conn FIFO
 *        -&gt; cpu.submit(core, class, PROTOCOL_TX | ACK, cycles) [+ CHECKSUM unless tx offload]
 *   work done (core, connId|class) -&gt; FIFO head -&gt; device.send(frame, core, tso)  (false: backlog)
 *   backlog = the interface's qdisc: pfifo, txqueuelen frames, tail drop (qdiscDrops)
 *   txReady (device woke) -&gt; backlog head -&gt; device.send ... until refused again
 * </pre>
 *
 * The connection's FIFO keeps its frames in emission order even when their cost items run on
 * different cores (a KERNEL item on the application's core, a SOFTIRQ item on the receive
 * core): each completed item releases the oldest frame.
 * A full qdisc is logged per drop episode at DEBUG (its first drop, and the count when it takes
 * a frame again).
 */
final class TxPath implements SegmentSink, WorkHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TxPath.class);
    /** Frames the full qdisc dropped since it last took one (a drop episode). */
    private long qdiscDropsInEpisode;
    /** A frame the device refused, waiting for {@link #txReady()}. */
    private record Pending(Frame frame, int core, WorkClass workClass, int tsoSegmentBytes) {
    }

    private final HostStack stack;
    private final HostCpu cpu;
    private final CostTable costs;
    private final NetDevice device;
    private final NeighbourTable neighbours;
    private final StackConfig config;
    private final DeviceFeatures features;
    private final ArrayList<FourTuple> outTuples = new ArrayList<>();
    private final ArrayList<Segment> outSegments = new ArrayList<>();
    /** The ECN codepoint of each collected segment (RFC 3168 §5), beside {@link #outSegments}. */
    private int[] outEcn = new int[16];
    private final ArrayDeque<Frame> controlFrames = new ArrayDeque<>();
    private final ArrayDeque<Pending> backlog = new ArrayDeque<>();
    private int nextIpId;
    private long nextFrameSeq;
    long framesSent;
    long tsoFramesSent;
    long bytesSent;
    long deviceRefusals;
    /** Frames dropped because the qdisc held {@code txqueuelen} frames (registered by the caller for warm-up). */
    final Counter qdiscDrops;
    private final TraceSink trace;

    TxPath(HostStack stack, HostCpu cpu, CostTable costs, NetDevice device, NeighbourTable neighbours,
           StackConfig config, TraceSink trace) {
        this.stack = stack;
        this.trace = trace;
        this.qdiscDrops = new Counter(config.name() + ".qdiscDrops");
        this.cpu = cpu;
        this.costs = costs;
        this.device = device;
        this.neighbours = neighbours;
        this.config = config;
        this.features = device.features();
    }

    @Override
    public void send(FourTuple tuple, Segment segment) {
        send(tuple, segment, EcnCodepoint.NOT_ECT);
    }

    @Override
    public void send(FourTuple tuple, Segment segment, int ecnCodepoint) {
        int k = outSegments.size();
        if (k == outEcn.length) {
            outEcn = Arrays.copyOf(outEcn, 2 * k);
        }
        outEcn[k] = ecnCodepoint;
        outTuples.add(tuple);
        outSegments.add(segment);
    }

    /** Frames everything collected since the last flush and charges it on {@code core}. */
    void flush(HostConnection c, int core, WorkClass workClass) {
        int n = outSegments.size();
        int i = 0;
        while (i < n) {
            Segment seg = outSegments.get(i);
            FourTuple tuple = outTuples.get(i);
            int j = i + 1;
            if (features.tso() && c != null && isData(seg)) {
                long total = seg.payloadLenBytes();
                while (j < n && canAppend(outSegments.get(j - 1), outSegments.get(j)) && outEcn[j] == outEcn[i]
                        && total + outSegments.get(j).payloadLenBytes() <= features.tsoMaxBytes()) {
                    total += outSegments.get(j).payloadLenBytes();
                    j++;
                }
                if (j > i + 1) {
                    c.tsoSegmentBytes = seg.payloadLenBytes();
                    seg = merge(i, j, (int) total);
                }
            }
            enqueue(c, tuple, seg, outEcn[i], core, workClass);
            i = j;
        }
        outTuples.clear();
        outSegments.clear();
    }

    private static boolean isData(Segment s) {
        return s.payloadLenBytes() > 0 && (s.flags() & (TcpFlags.SYN | TcpFlags.RST | TcpFlags.FIN)) == 0;
    }

    /** {@code next} continues {@code prev} in sequence space with the same header fields. */
    private static boolean canAppend(Segment prev, Segment next) {
        // CWR may lead a TSO burst only: the device puts it on the first piece (RFC 3168 §6.1.2)
        return next.payloadLenBytes() > 0 && (next.flags() & (TcpFlags.SYN | TcpFlags.RST | TcpFlags.CWR)) == 0
                && !prev.has(TcpFlags.FIN) && next.seq() == prev.seq() + prev.payloadLenBytes()
                && next.ack() == prev.ack() && next.window() == prev.window()
                && next.options().equals(prev.options());
    }

    /** Segments [from, to) as one segment of {@code totalBytes} (flags of all, e.g. PSH/FIN of the last). */
    private Segment merge(int from, int to, int totalBytes) {
        Segment first = outSegments.get(from);
        int flags = 0;
        boolean real = false;
        for (int k = from; k < to; k++) {
            Segment s = outSegments.get(k);
            flags |= s.flags();
            real |= s.payload().hasBytes();
        }
        return withPayload(first, flags, concat(from, to, totalBytes, real));
    }

    private Payload concat(int from, int to, int totalBytes, boolean real) {
        Payload head = outSegments.get(from).payload();
        if (!real) {
            return Payload.virtual(head.streamOffset(), totalBytes);
        }
        byte[] bytes = new byte[totalBytes];
        int off = 0;
        for (int k = from; k < to; k++) {
            Payload p = outSegments.get(k).payload();
            p.copyTo(bytes, off);
            off += p.lenBytes();
        }
        return Payload.real(head.streamOffset(), bytes, 0, totalBytes);
    }

    private static Segment withPayload(Segment s, int flags, Payload p) {
        return new Segment(s.srcPort(), s.dstPort(), s.seq(), s.ack(), flags, s.window(), s.urgentPointer(),
                s.options(), p);
    }

    private void enqueue(HostConnection c, FourTuple tuple, Segment seg, int ecn, int core, WorkClass workClass) {
        int ttl = config.tcp().ttl();
        int tos = EcnCodepoint.withTos(config.tcp().tos(), ecn);
        Ipv4Header ip = new Ipv4Header(tuple.localIp(), tuple.remoteIp(), nextIpId, ttl, tos, true, false, 0, 0);
        nextIpId = (nextIpId + 1) & 0xFFFF;
        long frameId = ((long) config.hostId() << 40) | nextFrameSeq++;
        Frame f = Frame.of(frameId, config.localMac(), neighbours.macOf(tuple.remoteIp()), ip, seg);
        int arg;
        if (c == null) {
            controlFrames.add(f);
            arg = workClass.ordinal();
        } else {
            c.txFrames.add(f);
            arg = ((c.id() + 1) << 2) | workClass.ordinal();
        }
        int len = seg.payloadLenBytes();
        if (len == 0 && (seg.flags() & (TcpFlags.SYN | TcpFlags.FIN | TcpFlags.RST)) == 0) {
            cpu.submit(core, workClass, CostCategory.ACK, costs.ackCycles(), this, arg);
            return;
        }
        if (len > 0 && !features.txChecksumOffload()) {
            cpu.charge(core, workClass, CostCategory.CHECKSUM, costs.checksumCycles(seg.headerLenBytes() + len));
        }
        cpu.submit(core, workClass, CostCategory.PROTOCOL_TX, costs.txPacketCycles(), this, arg);
    }

    /** A transmit cost item completed: the oldest frame of its FIFO goes to the device. */
    @Override
    public void onWorkDone(int core, int arg) {
        Frame f;
        int tso = 0;
        WorkClass workClass = WorkClass.of(arg & 3);
        int connId = (arg >>> 2) - 1;
        if (connId < 0) {
            f = controlFrames.poll();
        } else {
            HostConnection c = stack.connectionById(connId);
            f = c.txFrames.poll();
            if (c.tsoSegmentBytes > 0 && f.tcp().payloadLenBytes() > c.tsoSegmentBytes) {
                tso = c.tsoSegmentBytes;
            }
            stack.txDrained(c);
        }
        transmit(f, core, workClass, tso);
    }

    /**
     * Hands {@code f} to the device, or queues it in the qdisc when the device is stopped
     * (or frames already wait). A full qdisc drops {@code f} at the tail, as pfifo_fast's
     * enqueue does past {@code txqueuelen} packets (net/sched/sch_generic.c
     * {@code pfifo_fast_enqueue} -&gt; {@code qdisc_drop}); a TSO frame counts as one packet,
     * as a GSO skb does. The engine is not told (Linux's NET_XMIT_DROP -&gt; tcp_enter_cwr is not
     * modelled): the frame is lost and recovered like a loss on the wire.
     */
    private void transmit(Frame f, int core, WorkClass workClass, int tso) {
        if (!backlog.isEmpty() || !device.send(f, core, workClass, tso)) {
            deviceRefusals++;
            if (backlog.size() >= config.txQueueLenFrames()) {
                qdiscDrops.increment();
                if (qdiscDropsInEpisode++ == 0 && LOG.isDebugEnabled()) {
                    LOG.debug("{} {}: qdisc full ({} frames, txqueuelen): dropping at the tail",
                            Units.logTime(stack.now()), config.name(), backlog.size());
                }
                if (trace.enabled()) {
                    trace.record(stack.now(), config.name() + ".qdisc", new QdiscDrop(f.frameId(), f.lenBytes()));
                }
                return;
            }
            endDropEpisode();
            backlog.add(new Pending(f, core, workClass, tso));
            return;
        }
        endDropEpisode();
        count(f, tso);
    }

    /** A frame was taken (queued or sent): a drop episode, if one ran, is over. */
    private void endDropEpisode() {
        if (qdiscDropsInEpisode > 0) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {}: qdisc takes frames again after {} dropped", Units.logTime(stack.now()),
                        config.name(), qdiscDropsInEpisode);
            }
            qdiscDropsInEpisode = 0;
        }
    }

    private void count(Frame f, int tso) {
        framesSent++;
        bytesSent += f.tcp().payloadLenBytes();
        if (tso > 0) {
            tsoFramesSent++;
        }
    }

    /** The device has room again: send the backlog in order. */
    void txReady() {
        while (!backlog.isEmpty()) {
            Pending p = backlog.peek();
            if (!device.send(p.frame(), p.core(), p.workClass(), p.tsoSegmentBytes())) {
                return;
            }
            backlog.poll();
            count(p.frame(), p.tsoSegmentBytes());
        }
    }

    int backlogFrames() {
        return backlog.size();
    }
}
