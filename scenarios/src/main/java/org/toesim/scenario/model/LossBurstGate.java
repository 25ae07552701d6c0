package org.toesim.scenario.model;

import java.util.Objects;
import org.apache.commons.math3.random.RandomGenerator;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.stats.Counter;
import org.toesim.core.stats.StatsRegistry;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.FrameSink;

/**
 * The {@code lossBurst} fault of one link direction: sits between the sending port and the
 * link and, while a burst is on, drops each frame with the burst's probability (stream
 * {@code <link>.<dir>.lossBurst}, one draw per frame during a burst only, so a run without
 * bursts draws nothing).
 *
 * <pre>
 *   port --tx--&gt; gate --[burst on? draw &lt; loss: drop, counted]--&gt; link direction
 * </pre>
 */
final class LossBurstGate implements FrameSink {
    private final Simulator sim;
    private final FrameSink next;
    private final RandomGenerator rng;
    private final Counter drops;
    private long burstEndPs = -1;
    private double loss;

    LossBurstGate(Simulator sim, RandomStreams streams, StatsRegistry stats, String directionName, FrameSink next) {
        this.sim = Objects.requireNonNull(sim);
        this.next = Objects.requireNonNull(next);
        this.rng = streams.get(directionName + ".lossBurst");
        this.drops = stats.register(new Counter(directionName + ".lossBurstDrops"));
    }

    /** Starts a burst now that lasts {@code durationPs} and drops with probability {@code lossProb}. */
    void startBurst(long durationPs, double lossProb) {
        burstEndPs = sim.now() + durationPs;
        loss = lossProb;
    }

    @Override
    public void receive(Frame frame, long nowPs) {
        if (nowPs < burstEndPs && rng.nextDouble() < loss) {
            drops.increment();
            return;
        }
        next.receive(frame, nowPs);
    }

    /** Frames this gate dropped since the last reset. */
    long drops() {
        return drops.value();
    }
}
