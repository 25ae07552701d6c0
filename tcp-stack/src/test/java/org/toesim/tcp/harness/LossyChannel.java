package org.toesim.tcp.harness;

import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.commons.math3.random.RandomGenerator;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.Draws;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.units.Rates;

/**
 * One direction of a test wire between two endpoints, on a sim-core {@link Simulator}:
 * messages of type {@code T} are serialised in FIFO order at a rate, propagate for a fixed
 * delay, and may be lost, held back (reordered) or duplicated. Each kind of impairment draws
 * from its own named stream ({@code <name>.loss}, {@code <name>.reorder},
 * {@code <name>.duplicate}), so enabling one does not shift the draws of another and a run is
 * reproducible from the master seed.
 *
 * <pre>
 *   send(m, len) ─▶ wait for the wire ─▶ serialise len*8/rate ─▶ drop filter? loss draw?
 *        ─▶ + propagation (+ uniform extra if reordered) ─▶ receiver.accept(m) [+ again if duplicated]
 * </pre>
 *
 * A lost message still occupies the wire while serialised. One reusable delivery event is
 * kept at the time of the earliest arrival.
 */
public final class LossyChannel<T> {
    private final Simulator sim;
    private final ChannelConfig config;
    private final Consumer<T> receiver;
    private final RandomGenerator lossRng;
    private final RandomGenerator reorderRng;
    private final RandomGenerator duplicateRng;
    private final PriorityQueue<InFlight<T>> inFlight = new PriorityQueue<>();
    private final Event deliveryEvent;
    private Predicate<? super T> dropFilter = m -> false;
    private long wireFreeAtPs;
    private long sequence;
    private long sent;
    private long sentBytes;
    private long dropped;
    private long filtered;
    private long reordered;
    private long duplicated;
    private long delivered;
    private long deliveredBytes;

    /** What the channel did so far. {@code dropped} includes {@code filtered}. */
    public record Counters(long sent, long sentBytes, long dropped, long filtered, long reordered,
                           long duplicated, long delivered, long deliveredBytes) {
    }

    private record InFlight<T>(long arrivalPs, long seq, T msg, int lenBytes) implements Comparable<InFlight<T>> {
        @Override
        public int compareTo(InFlight<T> o) {
            int c = Long.compare(arrivalPs, o.arrivalPs);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /**
     * @param name     names the random streams and the delivery event, e.g. {@code "link.ab"}
     * @param receiver called at arrival time, once per delivered copy
     */
    public LossyChannel(Simulator sim, RandomStreams streams, String name, ChannelConfig config,
                        Consumer<T> receiver) {
        this.sim = Objects.requireNonNull(sim);
        this.config = Objects.requireNonNull(config);
        this.receiver = Objects.requireNonNull(receiver);
        this.lossRng = streams.get(name + ".loss");
        this.reorderRng = streams.get(name + ".reorder");
        this.duplicateRng = streams.get(name + ".duplicate");
        this.deliveryEvent = sim.newEvent("deliver", name, Priority.DELIVERY, this::deliverDue);
    }

    /** Scripted loss: messages matching {@code filter} are dropped (in addition to random loss). */
    public void setDropFilter(Predicate<? super T> filter) {
        this.dropFilter = Objects.requireNonNull(filter);
    }

    /** Puts {@code msg} of {@code lenBytes} on the wire now. */
    public void send(T msg, int lenBytes) {
        if (lenBytes < 0) {
            throw new IllegalArgumentException("negative length " + lenBytes);
        }
        sent++;
        sentBytes += lenBytes;
        long startPs = Math.max(sim.now(), wireFreeAtPs);
        long txPs = config.rateBitsPerSec() == 0 ? 0 : Rates.bytesTimePs(lenBytes, config.rateBitsPerSec());
        wireFreeAtPs = startPs + txPs;
        boolean lost = Draws.bernoulli(lossRng, config.lossProbability());
        if (dropFilter.test(msg)) {
            filtered++;
            lost = true;
        }
        if (lost) {
            dropped++;
            return;
        }
        long arrivalPs = wireFreeAtPs + config.propagationDelayPs();
        if (Draws.bernoulli(reorderRng, config.reorderProbability())) {
            reordered++;
            arrivalPs += 1 + Draws.uniformLong(reorderRng, config.reorderMaxExtraDelayPs());
        }
        enqueue(new InFlight<>(arrivalPs, sequence++, msg, lenBytes));
        if (Draws.bernoulli(duplicateRng, config.duplicateProbability())) {
            duplicated++;
            enqueue(new InFlight<>(arrivalPs, sequence++, msg, lenBytes));
        }
    }

    private void enqueue(InFlight<T> f) {
        inFlight.add(f);
        long headPs = Math.max(sim.now(), inFlight.peek().arrivalPs());
        if (!deliveryEvent.isPending() || headPs < deliveryEvent.timePs()) {
            sim.scheduleAt(deliveryEvent, headPs);
        }
    }

    private void deliverDue() {
        long now = sim.now();
        InFlight<T> head;
        while ((head = inFlight.peek()) != null && head.arrivalPs() <= now) {
            inFlight.poll();
            delivered++;
            deliveredBytes += head.lenBytes();
            receiver.accept(head.msg());
        }
        if (head != null && !deliveryEvent.isPending()) {
            sim.scheduleAt(deliveryEvent, head.arrivalPs());
        }
    }

    /** Messages on the wire (including duplicates), not yet delivered. */
    public int inFlightCount() {
        return inFlight.size();
    }

    public ChannelConfig config() {
        return config;
    }

    public Counters counters() {
        return new Counters(sent, sentBytes, dropped, filtered, reordered, duplicated, delivered, deliveredBytes);
    }
}
