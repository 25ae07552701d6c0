package org.toesim.tcp.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.units.Units;

class LossyChannelTest {
    private static final long GBPS = 1_000_000_000L;

    private record Arrival(int id, long atPs) {
    }

    private static List<Arrival> run(long seed, ChannelConfig cfg, int messages, long gapPs) {
        Simulator sim = new Simulator();
        List<Arrival> got = new ArrayList<>();
        LossyChannel<Integer> ch = new LossyChannel<>(sim, new RandomStreams(seed), "link.ab", cfg,
                id -> got.add(new Arrival(id, sim.now())));
        for (int i = 0; i < messages; i++) {
            int id = i;
            sim.schedule(i * gapPs, "send", "test", () -> ch.send(id, 1000));
        }
        sim.run();
        return got;
    }

    @Test
    void perfectWireDeliversAfterSerialisationAndPropagationInOrder() {
        Simulator sim = new Simulator();
        List<Arrival> got = new ArrayList<>();
        LossyChannel<Integer> ch = new LossyChannel<>(sim, new RandomStreams(1), "w",
                ChannelConfig.perfect(5 * Units.PS_PER_US, GBPS), id -> got.add(new Arrival(id, sim.now())));
        ch.send(0, 1000);   // 8 us on the wire at 1 Gb/s
        ch.send(1, 500);    // queued behind it: 4 us more
        sim.run();
        assertEquals(List.of(new Arrival(0, 13 * Units.PS_PER_US), new Arrival(1, 17 * Units.PS_PER_US)), got);
        LossyChannel.Counters c = ch.counters();
        assertEquals(new LossyChannel.Counters(2, 1500, 0, 0, 0, 0, 2, 1500), c);
        assertEquals(0, ch.inFlightCount());
    }

    @Test
    void lossRateIsWithinStatisticalBounds() {
        int n = 20_000;
        double p = 0.1;
        List<Arrival> got = run(42, ChannelConfig.perfect(Units.PS_PER_US, 0).withLoss(p), n, Units.PS_PER_US);
        long lost = n - got.size();
        double sd = Math.sqrt(n * p * (1 - p));   // 42.4
        assertTrue(Math.abs(lost - n * p) < 5 * sd, "lost " + lost + " of " + n);
    }

    @Test
    void sameSeedSameTrajectoryOtherSeedDifferent() {
        ChannelConfig cfg = ChannelConfig.perfect(Units.PS_PER_US, GBPS).withLoss(0.2)
                .withReordering(0.2, 50 * Units.PS_PER_US).withDuplication(0.1);
        List<Arrival> a = run(7, cfg, 500, 2 * Units.PS_PER_US);
        List<Arrival> b = run(7, cfg, 500, 2 * Units.PS_PER_US);
        List<Arrival> c = run(8, cfg, 500, 2 * Units.PS_PER_US);
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void reorderingHoldsMessagesBackAndDuplicationDeliversTwice() {
        ChannelConfig cfg = ChannelConfig.perfect(Units.PS_PER_US, 0).withReordering(0.3, 100 * Units.PS_PER_US);
        List<Arrival> got = run(3, cfg, 1000, Units.PS_PER_US);
        assertEquals(1000, got.size());
        int inversions = 0;
        for (int i = 1; i < got.size(); i++) {
            if (got.get(i).id() < got.get(i - 1).id()) {
                inversions++;
            }
        }
        assertTrue(inversions > 100, "inversions " + inversions);
        for (int i = 1; i < got.size(); i++) {
            assertTrue(got.get(i).atPs() >= got.get(i - 1).atPs(), "arrivals in time order");
        }

        List<Arrival> dup = run(3, ChannelConfig.perfect(Units.PS_PER_US, 0).withDuplication(1.0), 10, Units.PS_PER_US);
        assertEquals(20, dup.size());
        assertEquals(dup.get(0), dup.get(1));
    }

    @Test
    void lossDrawsDoNotDependOnOtherImpairments() {
        // The loss stream is separate: adding reordering must not change which messages are lost.
        ChannelConfig lossOnly = ChannelConfig.perfect(Units.PS_PER_US, 0).withLoss(0.3);
        List<Integer> a = run(11, lossOnly, 300, Units.PS_PER_US).stream().map(Arrival::id).sorted().toList();
        List<Integer> b = run(11, lossOnly.withReordering(0.5, 10 * Units.PS_PER_US).withDuplication(0.0), 300,
                Units.PS_PER_US).stream().map(Arrival::id).sorted().toList();
        assertEquals(a, b);
    }

    @Test
    void dropFilterScriptsLoss() {
        Simulator sim = new Simulator();
        List<Integer> got = new ArrayList<>();
        LossyChannel<Integer> ch = new LossyChannel<>(sim, new RandomStreams(1), "w",
                ChannelConfig.perfect(Units.PS_PER_US, 0), got::add);
        ch.setDropFilter(id -> id == 2);
        for (int i = 0; i < 5; i++) {
            ch.send(i, 100);
        }
        sim.run();
        assertEquals(List.of(0, 1, 3, 4), got);
        assertEquals(1, ch.counters().dropped());
        assertEquals(1, ch.counters().filtered());
    }

    @Test
    void receiverMaySendOnTheChannelFromItsCallback() {
        Simulator sim = new Simulator();
        List<Arrival> got = new ArrayList<>();
        List<LossyChannel<Integer>> holder = new ArrayList<>();
        LossyChannel<Integer> ch = new LossyChannel<>(sim, new RandomStreams(1), "echo",
                ChannelConfig.perfect(10 * Units.PS_PER_US, 0), id -> {
                    got.add(new Arrival(id, sim.now()));
                    if (id < 3) {
                        holder.get(0).send(id + 1, 10);
                    }
                });
        holder.add(ch);
        ch.send(0, 10);
        sim.run();
        assertEquals(List.of(new Arrival(0, 10 * Units.PS_PER_US), new Arrival(1, 20 * Units.PS_PER_US),
                new Arrival(2, 30 * Units.PS_PER_US), new Arrival(3, 40 * Units.PS_PER_US)), got);
    }
}
