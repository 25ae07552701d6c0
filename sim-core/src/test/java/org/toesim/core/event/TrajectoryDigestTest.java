package org.toesim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.toesim.core.random.Draws;
import org.toesim.core.random.RandomStreams;

/** Same seed, same trajectory digest; another seed, another digest. */
class TrajectoryDigestTest {
    /** An M/M/1 queue: exponential arrivals and services from two named streams. */
    private static String mm1Digest(long seed) {
        Simulator sim = new Simulator();
        TrajectoryDigest digest = new TrajectoryDigest();
        sim.setListener(digest);
        RandomStreams streams = new RandomStreams(seed);
        RandomGenerator arrivals = streams.get("queue.arrivals");
        RandomGenerator services = streams.get("queue.service");
        int[] queue = {0};
        Event[] depart = new Event[1];
        depart[0] = sim.newEvent("depart", "queue", () -> {
            if (--queue[0] > 0) {
                sim.scheduleIn(depart[0], Draws.exponentialPs(services, 800_000));
            }
        });
        Event[] arrive = new Event[1];
        arrive[0] = sim.newEvent("arrive", "source", () -> {
            if (queue[0]++ == 0) {
                sim.scheduleIn(depart[0], Draws.exponentialPs(services, 800_000));
            }
            sim.scheduleIn(arrive[0], Draws.exponentialPs(arrivals, 1_000_000));
        });
        sim.scheduleIn(arrive[0], 0);
        sim.runUntil(5_000_000_000L);
        return digest.hex() + "/" + digest.events();
    }

    @Test
    void sameSeedGivesTheSameDigestAndAnotherSeedChangesIt() {
        String a = mm1Digest(42);
        assertEquals(a, mm1Digest(42));
        assertNotEquals(a, mm1Digest(43));
    }
}
