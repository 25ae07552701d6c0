package org.toesim.nic.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.Event;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.trace.TraceSink;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.TestFrames;
import org.toesim.nic.mac.Arrivals;
import org.toesim.nic.mac.MacConfig;
import org.toesim.nic.mac.MacPort;

class LinkDirectionTest {
    private static final long GAP_PS = 1_000_000;      // one frame per microsecond into the link
    private static final long PROP_PS = 5_000_000;     // 5 us propagation
    private static final long EXTRA_PS = 3_500_000;    // reordered frames arrive 3.5 us late

    /** Feeds {@code n} full-size frames, one per microsecond, into a fresh link direction. */
    private static Run run(long seed, Impairments imp, int n) {
        Simulator sim = new Simulator();
        LinkDirection dir = new LinkDirection(sim, new RandomStreams(seed), "l0.ab", PROP_PS, imp, TraceSink.NONE);
        Arrivals far = new Arrivals();
        dir.connect(far);
        Frame[] frames = new Frame[n];
        for (int i = 0; i < n; i++) {
            frames[i] = TestFrames.fullSize(i);
        }
        int[] next = {0};
        Event[] feed = new Event[1];
        feed[0] = sim.newEvent("feed", "test", () -> {
            dir.receive(frames[next[0]], sim.now());
            if (++next[0] < n) {
                sim.scheduleIn(feed[0], GAP_PS);
            }
        });
        sim.scheduleAt(feed[0], 0);
        sim.run();
        return new Run(dir, far);
    }

    private record Run(LinkDirection dir, Arrivals far) {
        /** Ids of frames that arrived later than the propagation delay. */
        List<Long> lateIds() {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < far.size(); i++) {
                long id = far.frames.get(i).frameId();
                if (far.timesPs.get(i) - id * GAP_PS > PROP_PS) {
                    ids.add(id);
                }
            }
            return ids;
        }

        List<Long> ids() {
            return far.frames.stream().map(Frame::frameId).toList();
        }
    }

    @Test
    void perfectLinkDelaysEveryFrameByThePropagationDelay() {
        Run r = run(1, Impairments.NONE, 100);
        assertEquals(100, r.far().size());
        for (int i = 0; i < 100; i++) {
            assertEquals(i * GAP_PS + PROP_PS, r.far().timesPs.get(i));
        }
    }

    @Test
    void bernoulliLossRateIsWithinFourSigma() {
        int n = 20_000;
        Run r = run(3, Impairments.NONE.withLoss(0.1), n);
        long lost = r.dir().stats().lossDrops.value();
        assertEquals(n, lost + r.far().size());
        assertWithin(lost, n, 0.1);
    }

    @Test
    void gilbertElliottLossHasItsMeanRateAndBurstLength() {
        int n = 50_000;
        GilbertElliott ge = new GilbertElliott(0.01, 0.1, 0.0, 1.0);
        Run r = run(5, Impairments.NONE.withBurstLoss(ge), n);
        long lost = r.dir().stats().lossDrops.value();
        assertEquals(0.0909, ge.meanLossRate(), 1e-4);
        assertEquals(ge.meanLossRate(), (double) lost / n, 0.02);
        // runs of consecutive lost ids: mean run length ~ 1/r = 10
        List<Long> ids = r.ids();
        int runs = 0;
        long prev = -1;
        for (long id : ids) {
            if (id != prev + 1) {
                runs++;
            }
            prev = id;
        }
        double meanBurst = (double) lost / runs;
        assertEquals(10.0, meanBurst, 2.0, "mean loss burst " + meanBurst);
    }

    @Test
    void reorderingHoldsFramesBackSoLaterOnesOvertakeThem() {
        int n = 20_000;
        Run r = run(7, Impairments.NONE.withReorder(0.05, EXTRA_PS), n);
        List<Long> late = r.lateIds();
        assertEquals(r.dir().stats().reordered.value(), late.size());
        assertWithin(late.size(), n, 0.05);
        for (int i = 0; i < r.far().size(); i++) {
            long id = r.far().frames.get(i).frameId();
            long expect = id * GAP_PS + PROP_PS + (late.contains(id) ? EXTRA_PS : 0);
            assertEquals(expect, r.far().timesPs.get(i));
        }
        List<Long> ids = r.ids();
        int inversions = 0;
        for (int i = 1; i < ids.size(); i++) {
            inversions += ids.get(i) < ids.get(i - 1) ? 1 : 0;
        }
        assertTrue(inversions > 0.8 * late.size(), "frames delivered out of order: " + inversions);
    }

    @Test
    void duplicationDeliversExtraCopiesAtTheRate() {
        int n = 20_000;
        Run r = run(9, Impairments.NONE.withDuplicate(0.02), n);
        long dups = r.dir().stats().duplicated.value();
        assertEquals(n + dups, r.far().size());
        assertWithin(dups, n, 0.02);
    }

    @Test
    void corruptionByProbabilityAndByBitErrorRateMarksFrames() {
        int n = 20_000;
        Run byProb = run(11, Impairments.NONE.withCorruption(0.03), n);
        long marked = byProb.far().frames.stream().filter(Frame::corrupted).count();
        assertEquals(byProb.dir().stats().corrupted.value(), marked);
        assertWithin(marked, n, 0.03);

        double ber = 1e-6;
        double perFrame = 1 - Math.pow(1 - ber, 1518 * 8); // about 0.0121 for a 1518-byte frame
        Run byBer = run(11, Impairments.NONE.withBitErrorRate(ber), n);
        assertWithin(byBer.far().frames.stream().filter(Frame::corrupted).count(), n, perFrame);
    }

    @Test
    void eachImpairmentDrawsFromItsOwnStream() {
        int n = 5_000;
        Impairments reorderOnly = Impairments.NONE.withReorder(0.05, EXTRA_PS);
        Run base = run(13, reorderOnly, n);
        Impairments all = reorderOnly.withLoss(0.1).withBurstLoss(new GilbertElliott(0.01, 0.2, 0, 1))
                .withDuplicate(0.05).withCorruption(0.05);
        Run mixed = run(13, all, n);
        assertTrue(mixed.dir().stats().lossDrops.value() > 0);
        List<Long> expectLate = new ArrayList<>(base.lateIds());
        expectLate.retainAll(mixed.ids()); // frames lost in the mixed run cannot be seen late
        assertEquals(expectLate, mixed.lateIds().stream().distinct().toList());
        // and the same stream name under another master seed gives different draws
        assertTrue(!run(14, reorderOnly, n).lateIds().equals(base.lateIds()));
    }

    @Test
    void downLinkDropsEverythingAndCountsIt() {
        Simulator sim = new Simulator();
        Link link = new Link(sim, new RandomStreams(1), "l1", PROP_PS);
        MacPort a = new MacPort(sim, "a", MacConfig.tenGig());
        MacPort b = new MacPort(sim, "b", MacConfig.tenGig());
        link.attach(a, b);
        Arrivals atB = new Arrivals();
        b.connectReceiver(atB);
        // outage from 10 us to 20 us; frames sent at 0, 6 (in flight at the cut), 12, 25 us
        link.scheduleOutage(10_000_000, 20_000_000);
        long[] sendAt = {0, 6_000_000, 12_000_000, 25_000_000};
        for (int i = 0; i < sendAt.length; i++) {
            Frame f = TestFrames.fullSize(i);
            sim.schedule(sendAt[i], "send", "test", () -> a.send(f));
        }
        sim.run();
        assertEquals(List.of(0L, 3L), atB.frames.stream().map(Frame::frameId).toList());
        assertEquals(2, link.ab().stats().downDrops.value());
        assertEquals(25_000_000 + 1_220_800 + PROP_PS, atB.timesPs.get(1));
    }

    @Test
    void corruptedFramesAreDroppedAndCountedByTheReceivingPort() {
        Simulator sim = new Simulator();
        Link link = new Link(sim, new RandomStreams(2), "l2", 1000, Impairments.NONE.withCorruption(0.2),
                Impairments.NONE, TraceSink.NONE);
        MacPort a = new MacPort(sim, "a", MacConfig.tenGig().withTxQueue(org.toesim.nic.mac.QueueLimit.frames(5000)));
        MacPort b = new MacPort(sim, "b", MacConfig.tenGig());
        link.attach(a, b);
        Arrivals atB = new Arrivals();
        b.connectReceiver(atB);
        for (int i = 0; i < 2000; i++) {
            a.send(TestFrames.fullSize(i));
        }
        sim.run();
        long corrupted = link.ab().stats().corrupted.value();
        assertEquals(corrupted, b.stats().rxFcsErrors.value());
        assertEquals(2000 - corrupted, atB.size());
        assertTrue(atB.frames.stream().noneMatch(Frame::corrupted));
        assertWithin(corrupted, 2000, 0.2);
    }

    /** |count - n p| within 4.5 binomial standard deviations. */
    static void assertWithin(long count, int n, double p) {
        double sd = Math.sqrt(n * p * (1 - p));
        assertEquals(n * p, count, 4.5 * sd, "count " + count + " of " + n + " at p=" + p);
    }
}
