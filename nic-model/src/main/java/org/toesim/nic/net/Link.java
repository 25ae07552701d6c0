package org.toesim.nic.net;

import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.trace.TraceSink;
import org.toesim.nic.mac.MacPort;

/**
 * A full-duplex point-to-point link: two independent {@link LinkDirection}s named
 * {@code <name>.ab} (from end A to end B) and {@code <name>.ba}.
 *
 * <pre>
 *   portA --tx--&gt; [name.ab: delay, impairments] --&gt; portB.receive
 *   portA.receive &lt;-- [name.ba: delay, impairments] &lt;--tx-- portB
 * </pre>
 */
public final class Link {
    private final Simulator sim;
    private final String name;
    private final LinkDirection ab;
    private final LinkDirection ba;

    public Link(Simulator sim, RandomStreams streams, String name, long propagationDelayPs,
                Impairments abImpairments, Impairments baImpairments, TraceSink trace) {
        this.sim = sim;
        this.name = name;
        this.ab = new LinkDirection(sim, streams, name + ".ab", propagationDelayPs, abImpairments, trace);
        this.ba = new LinkDirection(sim, streams, name + ".ba", propagationDelayPs, baImpairments, trace);
    }

    /** A link without impairments or tracing. */
    public Link(Simulator sim, RandomStreams streams, String name, long propagationDelayPs) {
        this(sim, streams, name, propagationDelayPs, Impairments.NONE, Impairments.NONE, TraceSink.NONE);
    }

    /** Wires {@code a} and {@code b} to the two ends of this link. */
    public Link attach(MacPort a, MacPort b) {
        a.connectWire(ab);
        ab.connect(b);
        b.connectWire(ba);
        ba.connect(a);
        return this;
    }

    /** Both directions up or down. */
    public void setUp(boolean isUp) {
        ab.setUp(isUp);
        ba.setUp(isUp);
    }

    /** Takes both directions down at {@code downAtPs} and up again at {@code upAtPs} (a scheduled fault). */
    public void scheduleOutage(long downAtPs, long upAtPs) {
        if (upAtPs < downAtPs) {
            throw new IllegalArgumentException("outage ends (" + upAtPs + " ps) before it starts (" + downAtPs + " ps)");
        }
        sim.scheduleAt(sim.newEvent("link.down", name, Priority.NORMAL, () -> setUp(false)), downAtPs);
        sim.scheduleAt(sim.newEvent("link.up", name, Priority.NORMAL, () -> setUp(true)), upAtPs);
    }

    public String name() {
        return name;
    }

    /** The direction from end A to end B. */
    public LinkDirection ab() {
        return ab;
    }

    /** The direction from end B to end A. */
    public LinkDirection ba() {
        return ba;
    }

    /** Names the ends as trace lifelines: {@code a} sends on {@link #ab()}, {@code b} on {@link #ba()}. */
    public void nameEnds(String a, String b) {
        ab.nameEnds(a, b);
        ba.nameEnds(b, a);
    }
}
