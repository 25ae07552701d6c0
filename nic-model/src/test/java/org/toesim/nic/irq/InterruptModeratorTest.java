package org.toesim.nic.irq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.Simulator;
import org.toesim.core.units.Units;
import org.toesim.nic.device.DeviceToHost;

class InterruptModeratorTest {
    private static final long US = Units.PS_PER_US;
    private final Simulator sim = new Simulator();
    private final List<Long> firedAtPs = new ArrayList<>();
    private final InterruptModerator irq = new InterruptModerator(sim, m -> {
        DeviceToHost.MsixInterrupt msix = (DeviceToHost.MsixInterrupt) m;
        assertEquals(5, msix.vector());
        firedAtPs.add(msix.sentPs());
    }, 5, new InterruptModerator.MsixIds(), "test");

    private void eventsAt(long... timesPs) {
        for (long t : timesPs) {
            sim.scheduleAt(sim.newEvent("completion", "test", irq::onEvent), t);
        }
    }

    @Test
    void usecsTimerRunsFromTheFirstPendingEvent() {
        irq.configure(10, 0);
        eventsAt(0, 2 * US, 3 * US, 25 * US, 40 * US);
        sim.run();
        assertEquals(List.of(10 * US, 35 * US, 50 * US), firedAtPs);
    }

    @Test
    void maxFramesFiresEarlyAndRestartsTheTimer() {
        irq.configure(10, 4);
        eventsAt(0, 2 * US, 3 * US, /* timer at 10 */ 20 * US, 21 * US, 22 * US, 23 * US, /* frames */ 30 * US);
        sim.run();
        assertEquals(List.of(10 * US, 23 * US, 40 * US), firedAtPs);
        assertEquals(8, irq.events());
        assertEquals(0, irq.pending());
    }

    @Test
    void bothZeroMeansOneInterruptPerEvent() {
        irq.configure(0, 0);
        eventsAt(1 * US, 1 * US, 7 * US);
        sim.run();
        assertEquals(List.of(1 * US, 1 * US, 7 * US), firedAtPs);
    }

    @Test
    void framesOnlyWaitsForTheCount() {
        irq.configure(0, 2);
        eventsAt(1 * US, 4 * US, 6 * US);
        sim.run();
        assertEquals(List.of(4 * US), firedAtPs);
        assertEquals(1, irq.pending());
    }

    @Test
    void timerBoundaryIsInclusive() {
        irq.configure(10, 3);
        // the third event lands exactly when the timer expires: the event (NORMAL) runs before
        // the timer (TIMER) and fires on frames; the timer then finds nothing pending
        eventsAt(0, 5 * US, 10 * US, 11 * US);
        sim.run();
        assertEquals(List.of(10 * US, 21 * US), firedAtPs);
    }
}
