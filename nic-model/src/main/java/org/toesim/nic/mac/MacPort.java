package org.toesim.nic.mac;

import java.util.ArrayDeque;
import java.util.Objects;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Rates;
import org.toesim.nic.frame.EthernetWire;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.FrameSink;

/**
 * One full-duplex Ethernet MAC port: a drop-tail transmit queue feeding a serialiser at line
 * rate, and a receive side that checks FCS and MTU before handing frames up.
 *
 * <pre>
 *   send(f) --MTU?--&gt; [tx queue, drop-tail] --&gt; serialiser --(txDone event)--&gt; wire.receive(f, t)
 *                                               |&lt;- preamble+SFD+frame+pad+FCS -&gt;|&lt;- IFG -&gt;| next frame
 *   wire --&gt; receive(f, t) --corrupted? drop (FCS)--MTU? drop--&gt; receiver.receive(f, t)
 * </pre>
 *
 * <p>Timing: a frame of {@code L} bytes (no FCS) starting at {@code s} has its last bit on the
 * wire at {@code s + ceil(8*(8 + max(64, L+4)) / rate)} ps, when the single txDone event for
 * it fires and the frame is handed to the wire; the next frame may start at
 * {@code s + ceil(8*(20 + max(64, L+4)) / rate)} ps, i.e. after the inter-frame gap. Both are
 * measured from {@code s} so rounding never accumulates. At 10 Gbit/s one byte is exactly
 * 800 ps: a 64-byte frame occupies 84 byte times = 67,200 ps and a 1518-byte frame 1538 byte
 * times = 1,230,400 ps.
 */
public final class MacPort implements FrameSink {
    private final Simulator sim;
    private final String name;
    private final MacConfig config;
    private final TraceSink trace;
    private final MacStats stats;
    private final ArrayDeque<Frame> txQueue = new ArrayDeque<>();
    private final Event txDone;
    private long queuedBytes;
    private Frame inFlight;
    /** Earliest start of the next frame: end of the previous frame's inter-frame gap. */
    private long nextStartPs;
    private FrameSink wire = (f, t) -> { };
    private FrameSink receiver = (f, t) -> { };
    private TxDoneListener txDoneListener = (f, t) -> { };

    public MacPort(Simulator sim, String name, MacConfig config, TraceSink trace) {
        this.sim = Objects.requireNonNull(sim);
        this.name = Objects.requireNonNull(name);
        this.config = Objects.requireNonNull(config);
        this.trace = Objects.requireNonNull(trace);
        this.stats = new MacStats(name);
        this.txDone = sim.newEvent("mac.txDone", name, Priority.DELIVERY, this::onTxDone);
    }

    public MacPort(Simulator sim, String name, MacConfig config) {
        this(sim, name, config, TraceSink.NONE);
    }

    /** Where transmitted frames go (a link direction, or another port directly). */
    public void connectWire(FrameSink wireSink) {
        this.wire = Objects.requireNonNull(wireSink);
    }

    /** Where good received frames go (the NIC or switch above this port). */
    public void connectReceiver(FrameSink upper) {
        this.receiver = Objects.requireNonNull(upper);
    }

    public void setTxDoneListener(TxDoneListener listener) {
        this.txDoneListener = Objects.requireNonNull(listener);
    }

    /**
     * Queues {@code frame} for transmission at the current time. Returns false, counting the
     * drop, if it exceeds the MTU or the transmit queue is full.
     */
    public boolean send(Frame frame) {
        if (frame.ipTotalLenBytes() > config.mtuBytes()) {
            stats.txOversizeDrops.increment();
            traceDrop(frame, DropReason.OVERSIZE);
            return false;
        }
        if (inFlight == null) {
            startTx(frame, Math.max(sim.now(), nextStartPs));
            return true;
        }
        if (!config.txQueue().admits(txQueue.size(), queuedBytes, frame.lenBytes())) {
            stats.txQueueDrops.increment();
            traceDrop(frame, DropReason.QUEUE_FULL);
            return false;
        }
        txQueue.addLast(frame);
        queuedBytes += frame.lenBytes();
        return true;
    }

    /** A frame's last bit arrives from the wire at {@code nowPs}. */
    @Override
    public void receive(Frame frame, long nowPs) {
        if (frame.corrupted()) {
            stats.rxFcsErrors.increment();
            traceDrop(frame, DropReason.FCS_ERROR);
            return;
        }
        if (frame.ipTotalLenBytes() > config.mtuBytes()) {
            stats.rxOversizeDrops.increment();
            traceDrop(frame, DropReason.OVERSIZE);
            return;
        }
        stats.rxFrames.increment();
        stats.rxBytes.add(frame.lenBytes());
        receiver.receive(frame, nowPs);
    }

    private void startTx(Frame frame, long startPs) {
        inFlight = frame;
        int lenBytes = frame.lenBytes();
        sim.scheduleAt(txDone, startPs + Rates.bytesTimePs(EthernetWire.busyLenBytes(lenBytes), config.rateBitsPerSec()));
        nextStartPs = startPs + Rates.bytesTimePs(EthernetWire.wireLenBytes(lenBytes), config.rateBitsPerSec());
    }

    private void onTxDone() {
        Frame frame = inFlight;
        inFlight = null;
        long now = sim.now();
        stats.txFrames.increment();
        stats.txBytes.add(frame.lenBytes());
        stats.txWirePs.add(wireTimePs(frame.lenBytes(), config.rateBitsPerSec()));
        Frame next = txQueue.pollFirst();
        if (next != null) {
            queuedBytes -= next.lenBytes();
            startTx(next, nextStartPs);
        }
        wire.receive(frame, now);
        txDoneListener.txDone(frame, now);
    }

    private void traceDrop(Frame frame, DropReason reason) {
        if (trace.enabled()) {
            trace.record(sim.now(), name, new FrameDropped(frame.frameId(), reason, frame.lenBytes()));
        }
    }

    /** Line time of a frame of {@code lenBytes} (no FCS) including preamble, SFD, padding, FCS and IFG. */
    public static long wireTimePs(int lenBytes, long rateBitsPerSec) {
        return Rates.bytesTimePs(EthernetWire.wireLenBytes(lenBytes), rateBitsPerSec);
    }

    public String name() {
        return name;
    }

    public MacConfig config() {
        return config;
    }

    public MacStats stats() {
        return stats;
    }

    /** Frames waiting (not counting the one being serialised). */
    public int queuedFrames() {
        return txQueue.size();
    }

    /** Bytes waiting (not counting the frame being serialised). */
    public long queuedBytes() {
        return queuedBytes;
    }

    /** True while a frame is being serialised (or waits out the gap before it). */
    public boolean isTransmitting() {
        return inFlight != null;
    }
}
