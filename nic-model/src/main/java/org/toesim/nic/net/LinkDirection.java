package org.toesim.nic.net;

import java.util.Objects;
import org.apache.commons.math3.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.trace.TraceCategory;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.FrameSink;
import org.toesim.nic.mac.DropReason;
import org.toesim.nic.mac.FrameDropped;

/**
 * One direction of a point-to-point link: propagation delay plus impairments. The sending
 * port hands a frame over when its last bit has left; the frame reaches the far end
 * {@code propagationDelayPs} later (plus the reorder delay if drawn).
 *
 * <pre>
 *   receive(f, t) --down? drop--&gt; draw loss, burst, corrupt, dup, reorder (each enabled one, every frame)
 *        lost? drop | corrupt? mark | reorder? held line (t + prop + extra) : main line (t + prop)
 *        dup? second copy right behind the first
 *   delay line --(down at arrival? drop)--&gt; far.receive(f, arrival)
 * </pre>
 *
 * <p>Streams: {@code <name>.loss}, {@code <name>.burst}, {@code <name>.corrupt},
 * {@code <name>.dup}, {@code <name>.reorder}. Every enabled impairment draws exactly once per
 * frame that enters an up link (the burst model twice: loss, then state move), before any is
 * applied, so frame k's reorder decision is the same whether or not loss is enabled. With
 * {@link Impairments#dataFramesOnly()} a frame without TCP payload (SYN, FIN, RST, pure ACK)
 * skips all of it and draws nothing: the streams then advance once per data frame.
 *
 * <p>Caveat: such a frame goes on the main line, so a data frame held back by the reorder
 * delay may be overtaken by a later ACK, as on a relay that delays only what it impairs.
 *
 * <p>Logging: going down or up at INFO, each frame lost, dropped while down, corrupted,
 * duplicated or held back at TRACE.
 */
public final class LinkDirection implements FrameSink {
    private static final Logger LOG = LoggerFactory.getLogger(LinkDirection.class);
    private final String name;
    private final long propagationDelayPs;
    private final Impairments impairments;
    private final TraceSink trace;
    private final Simulator sim;
    private final LinkStats stats;
    private final DelayLine mainLine;
    private final DelayLine heldLine;
    private final RandomGenerator lossRng;
    private final RandomGenerator burstRng;
    private final RandomGenerator corruptRng;
    private final RandomGenerator dupRng;
    private final RandomGenerator reorderRng;
    /** log(1 - BER), so P(no bit error in n bits) = exp(n * logBitOk). */
    private final double logBitOk;
    private boolean burstBad;
    private boolean up = true;
    private FrameSink far = (f, t) -> { };
    private final boolean traceFrames;
    private String fromLifeline = "?";
    private String toLifeline = "?";

    public LinkDirection(Simulator sim, RandomStreams streams, String name, long propagationDelayPs,
                         Impairments impairments, TraceSink trace) {
        if (propagationDelayPs < 0) {
            throw new IllegalArgumentException("propagation delay " + propagationDelayPs + " ps < 0");
        }
        this.sim = Objects.requireNonNull(sim);
        this.name = Objects.requireNonNull(name);
        this.propagationDelayPs = propagationDelayPs;
        this.impairments = Objects.requireNonNull(impairments);
        this.trace = Objects.requireNonNull(trace);
        this.stats = new LinkStats(name);
        this.mainLine = new DelayLine(sim, "link.arrive", name, this::arrive);
        this.heldLine = new DelayLine(sim, "link.arriveLate", name, this::arriveLate);
        this.traceFrames = trace.enabled(TraceCategory.WIRE);
        this.lossRng = impairments.lossProb() > 0 ? streams.get(name + ".loss") : null;
        this.burstRng = impairments.burstLoss() != null ? streams.get(name + ".burst") : null;
        boolean corrupts = impairments.corruptProb() > 0 || impairments.bitErrorRate() > 0;
        this.corruptRng = corrupts ? streams.get(name + ".corrupt") : null;
        this.dupRng = impairments.duplicateProb() > 0 ? streams.get(name + ".dup") : null;
        this.reorderRng = impairments.reorderProb() > 0 ? streams.get(name + ".reorder") : null;
        this.logBitOk = Math.log1p(-impairments.bitErrorRate());
    }

    /** Where frames arrive (the far port). */
    public void connect(FrameSink farEnd) {
        this.far = Objects.requireNonNull(farEnd);
    }

    /** Names the two ends as the sequence chart's lifelines ({@code a.nic}, {@code b.card}, {@code sw0}). */
    public void nameEnds(String from, String to) {
        this.fromLifeline = Objects.requireNonNull(from);
        this.toLifeline = Objects.requireNonNull(to);
    }

    /** Brings the direction up or down; a down direction drops every frame (counted). */
    public void setUp(boolean isUp) {
        if (isUp != up && LOG.isInfoEnabled()) {
            LOG.info("{} {}: link {} ({} frames in flight)", Units.logTime(sim.now()), name, isUp ? "up" : "down",
                    inFlight());
        }
        this.up = isUp;
    }

    public boolean isUp() {
        return up;
    }

    @Override
    public void receive(Frame frame, long nowPs) {
        stats.framesIn.increment();
        if (!up) {
            drop(frame, DropReason.LINK_DOWN);
            return;
        }
        if (!impairments.appliesTo(frame)) {
            mainLine.add(frame, nowPs + propagationDelayPs);
            return;
        }
        stats.framesImpairable.increment();
        boolean lost = lossRng != null && lossRng.nextDouble() < impairments.lossProb();
        lost |= burstRng != null && burstLost();
        boolean corrupt = corruptRng != null && corruptRng.nextDouble() < corruptProb(frame);
        boolean dup = dupRng != null && dupRng.nextDouble() < impairments.duplicateProb();
        boolean held = reorderRng != null && reorderRng.nextDouble() < impairments.reorderProb();
        if (lost) {
            drop(frame, DropReason.LINK_LOSS);
            return;
        }
        Frame f = frame;
        if (corrupt) {
            stats.corrupted.increment();
            f = frame.asCorrupted();
        }
        if ((corrupt || held || dup) && LOG.isTraceEnabled()) {
            LOG.trace("{} {}: frame {} ({} B){}{}{}", Units.logTime(nowPs), name, frame.frameId(), frame.lenBytes(),
                    corrupt ? " corrupted" : "", held ? " held back (reordered)" : "", dup ? " duplicated" : "");
        }
        DelayLine line = mainLine;
        long arrivalPs = nowPs + propagationDelayPs;
        if (held) {
            stats.reordered.increment();
            line = heldLine;
            arrivalPs += impairments.reorderExtraDelayPs();
        }
        line.add(f, arrivalPs);
        if (dup) {
            stats.duplicated.increment();
            line.add(f, arrivalPs);
        }
    }

    private boolean burstLost() {
        GilbertElliott ge = impairments.burstLoss();
        boolean lost = burstRng.nextDouble() < (burstBad ? ge.lossBad() : ge.lossGood());
        double move = burstRng.nextDouble();
        burstBad = burstBad ? move >= ge.r() : move < ge.p();
        return lost;
    }

    private double corruptProb(Frame frame) {
        double pBer = impairments.bitErrorRate() > 0 ? -Math.expm1(8.0 * frame.frameLenWithFcsBytes() * logBitOk) : 0;
        return 1 - (1 - impairments.corruptProb()) * (1 - pBer);
    }

    private void arriveLate(Frame frame, long nowPs) {
        arrive(frame, nowPs, propagationDelayPs + impairments.reorderExtraDelayPs());
    }

    private void arrive(Frame frame, long nowPs) {
        arrive(frame, nowPs, propagationDelayPs);
    }

    private void arrive(Frame frame, long nowPs, long delayPs) {
        if (!up) {
            drop(frame, DropReason.LINK_DOWN);
            return;
        }
        if (traceFrames) {
            trace.record(nowPs, name, WireTrace.of(fromLifeline, toLifeline, nowPs - delayPs, frame));
        }
        stats.framesDelivered.increment();
        far.receive(frame, nowPs);
    }

    private void drop(Frame frame, DropReason reason) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {}: frame {} ({} B) dropped: {}", Units.logTime(sim.now()), name, frame.frameId(),
                    frame.lenBytes(), reason == DropReason.LINK_DOWN ? "link down" : "lost");
        }
        if (reason == DropReason.LINK_DOWN) {
            stats.downDrops.increment();
        } else {
            stats.lossDrops.increment();
        }
        if (trace.enabled()) {
            trace.record(sim.now(), name, new FrameDropped(frame.frameId(), reason, frame.lenBytes()));
        }
    }

    public String name() {
        return name;
    }

    public long propagationDelayPs() {
        return propagationDelayPs;
    }

    public Impairments impairments() {
        return impairments;
    }

    public LinkStats stats() {
        return stats;
    }

    /** Frames currently propagating. */
    public int inFlight() {
        return mainLine.size() + heldLine.size();
    }
}
