package org.toesim.nic.mac;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Rates;
import org.toesim.core.units.Units;
import org.toesim.nic.aqm.Admission;
import org.toesim.nic.aqm.AqmContext;
import org.toesim.nic.aqm.AqmQueue;
import org.toesim.nic.aqm.Ecn;
import org.toesim.nic.aqm.QueueDiscipline;
import org.toesim.nic.frame.EthernetWire;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.FrameSink;

/**
 * One full-duplex Ethernet MAC port: a transmit queue (drop-tail, or with the active queue
 * management {@link MacConfig#aqm()} names) feeding a serialiser at line rate, and a receive
 * side that checks FCS and MTU before handing frames up.
 *
 * <pre>
 *   send(f) --MTU?--aqm.admit: drop early | mark CE--limit? overflow drop--&gt; [tx queue + enqueue times]
 *   txDone --aqm.dequeue (CoDel: drop/mark heads)--&gt; serialiser --(txDone event)--&gt; wire.receive(f, t)
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
 *
 * <p>Logging: transmit-queue overflow is summarised per episode at DEBUG (the first drop, and the
 * count and span when a frame is queued again), each dropped frame at TRACE; the first frame
 * over the MTU at WARN (a configuration mismatch), later ones at TRACE.
 */
public final class MacPort implements FrameSink {
    private static final Logger LOG = LoggerFactory.getLogger(MacPort.class);
    private final Simulator sim;
    private final String name;
    private final MacConfig config;
    private final TraceSink trace;
    private final MacStats stats;
    private final FrameQueue txQueue = new FrameQueue();
    private final QueueDiscipline discipline;
    private final Egress egress = new Egress();
    private final Event txDone;
    private Frame inFlight;
    /** Earliest start of the next frame: end of the previous frame's inter-frame gap. */
    private long nextStartPs;
    private FrameSink wire = (f, t) -> { };
    private FrameSink receiver = (f, t) -> { };
    private TxDoneListener txDoneListener = (f, t) -> { };
    /** Frames the full transmit queue refused since it last took one (an overflow episode), and when it began. */
    private long overflowDrops;
    private long overflowSincePs;
    private boolean oversizeWarned;

    /**
     * @param streams the run's random streams (a RED queue draws from {@code <name>.aqm}), or null
     *                when the configured discipline draws nothing
     */
    public MacPort(Simulator sim, String name, MacConfig config, TraceSink trace, RandomStreams streams) {
        this.sim = Objects.requireNonNull(sim);
        this.name = Objects.requireNonNull(name);
        this.config = Objects.requireNonNull(config);
        this.trace = Objects.requireNonNull(trace);
        this.stats = new MacStats(name, sim.now());
        this.discipline = config.aqm().newDiscipline(new AqmContext(name, config.rateBitsPerSec(),
                config.mtuBytes(), streams));
        this.txDone = sim.newEvent("mac.txDone", name, Priority.DELIVERY, this::onTxDone);
    }

    public MacPort(Simulator sim, String name, MacConfig config, TraceSink trace) {
        this(sim, name, config, trace, null);
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
     * Queues {@code frame} for transmission at the current time, or marks it CE when the AQM
     * says so. Returns false, counting the drop, if it exceeds the MTU, the AQM drops it early,
     * or the transmit queue is full.
     */
    public boolean send(Frame frame) {
        if (frame.ipTotalLenBytes() > config.mtuBytes()) {
            stats.txOversizeDrops.increment();
            oversize(frame, "transmit");
            traceDrop(frame, DropReason.OVERSIZE);
            return false;
        }
        long now = sim.now();
        Admission admission = discipline.admit(frame, txQueue.size(), txQueue.bytes(), now);
        if (admission == Admission.DROP) {
            aqmDrop(frame);
            return false;
        }
        if (inFlight != null && !config.txQueue().admits(txQueue.size(), txQueue.bytes(), frame.lenBytes())) {
            stats.txQueueDrops.increment();
            overflow(frame);
            traceDrop(frame, DropReason.QUEUE_FULL);
            return false;
        }
        if (overflowDrops > 0) {
            overflowEnded();
        }
        Frame toSend = admission == Admission.MARK ? mark(frame) : frame;
        if (inFlight == null) {
            stats.sojournPs.add(0);
            startTx(toSend, Math.max(now, nextStartPs));
            return true;
        }
        txQueue.add(toSend, now);
        stats.queuedFrames.update(now, txQueue.size());
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
            oversize(frame, "receive");
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
        Frame next = discipline.dequeue(egress, now);
        if (next != null) {
            stats.queuedFrames.update(now, txQueue.size());
            stats.sojournPs.add(now - egress.lastEnqueuePs);
            startTx(next, nextStartPs);
        } else {
            stats.queuedFrames.update(now, 0);
            discipline.idle(now);
        }
        wire.receive(frame, now);
        txDoneListener.txDone(frame, now);
    }

    private void overflow(Frame frame) {
        if (overflowDrops++ == 0) {
            overflowSincePs = sim.now();
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {}: transmit queue full ({} frames, {} B queued): dropping", Units.logTime(sim.now()),
                        name, txQueue.size(), txQueue.bytes());
            }
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {}: frame {} ({} B) dropped, transmit queue full", Units.logTime(sim.now()), name,
                    frame.frameId(), frame.lenBytes());
        }
    }

    private void overflowEnded() {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: transmit queue takes frames again: {} dropped over {}", Units.logTime(sim.now()), name,
                    overflowDrops, Units.formatTime(sim.now() - overflowSincePs, 3));
        }
        overflowDrops = 0;
    }

    private void oversize(Frame frame, String side) {
        if (!oversizeWarned) {
            oversizeWarned = true;
            LOG.warn("{} {}: {} frame of {} B IP length exceeds the MTU of {} B: dropped (MTU mismatch?); "
                    + "later ones at TRACE", Units.logTime(sim.now()), name, side, frame.ipTotalLenBytes(),
                    config.mtuBytes());
        } else if (LOG.isTraceEnabled()) {
            LOG.trace("{} {}: {} frame {} of {} B IP length over the MTU dropped", Units.logTime(sim.now()), name,
                    side, frame.frameId(), frame.ipTotalLenBytes());
        }
    }

    private void aqmDrop(Frame frame) {
        stats.aqmDrops.increment();
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {}: frame {} ({} B) dropped by {} ({} frames queued)", Units.logTime(sim.now()), name,
                    frame.frameId(), frame.lenBytes(), config.aqm().kind(), txQueue.size());
        }
        traceDrop(frame, DropReason.AQM);
    }

    private Frame mark(Frame frame) {
        stats.ecnMarks.increment();
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {}: frame {} ({} B) marked CE by {} ({} frames queued)", Units.logTime(sim.now()), name,
                    frame.frameId(), frame.lenBytes(), config.aqm().kind(), txQueue.size());
        }
        if (trace.enabled()) {
            trace.record(sim.now(), name, new FrameMarked(frame.frameId(), frame.lenBytes(), txQueue.size()));
        }
        return Ecn.withCe(frame);
    }

    /** The queue as the discipline sees it at dequeue; drops and marks go through the port's accounting. */
    private final class Egress implements AqmQueue {
        /** Enqueue time of the frame {@link #poll()} returned last. */
        long lastEnqueuePs;

        @Override
        public int frames() {
            return txQueue.size();
        }

        @Override
        public long bytes() {
            return txQueue.bytes();
        }

        @Override
        public long headEnqueuePs() {
            return txQueue.headEnqueuePs();
        }

        @Override
        public Frame poll() {
            if (txQueue.size() > 0) {
                lastEnqueuePs = txQueue.headEnqueuePs();
            }
            return txQueue.poll();
        }

        @Override
        public void drop(Frame frame) {
            aqmDrop(frame);
        }

        @Override
        public Frame markCe(Frame frame) {
            return mark(frame);
        }
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
        return txQueue.bytes();
    }

    /** True while a frame is being serialised (or waits out the gap before it). */
    public boolean isTransmitting() {
        return inFlight != null;
    }
}
