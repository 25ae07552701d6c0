package org.toesim.scenario.demo;

import java.util.ArrayList;
import java.util.List;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.units.Units;

/**
 * What {@code toesim} with no arguments runs until the simulation model is available: M/M/1
 * queues on the kernel at a few loads, simulated mean wait against the analytic value, and
 * the kernel's event rate.
 */
public final class KernelDemo {
    /** Mean service time: 1us, i.e. mu = 10^6 per second. */
    public static final long MEAN_SERVICE_PS = Units.PS_PER_US;

    /** One load's result. */
    public record Row(double load, long customers, double simulatedWaitUs, double analyticWaitUs, long events,
                      double eventsPerSec) {
        /** Relative error of the simulated mean wait. */
        public double relativeError() {
            return (simulatedWaitUs - analyticWaitUs) / analyticWaitUs;
        }
    }

    private KernelDemo() {
    }

    /** Runs one load {@code rho} with {@code customers} measured customers after a 10% warm-up. */
    public static Row run(double load, long customers, long seed) {
        Simulator sim = new Simulator();
        RandomStreams streams = new RandomStreams(seed);
        long meanInterArrivalPs = Math.round(MEAN_SERVICE_PS / load);
        MM1Queue q = new MM1Queue(sim, streams, meanInterArrivalPs, MEAN_SERVICE_PS, customers, customers / 10);
        long t0 = System.nanoTime();
        q.start();
        sim.run();
        long wallNs = Math.max(1, System.nanoTime() - t0);
        double analyticPs = load * MEAN_SERVICE_PS / (1 - load);
        return new Row(load, q.measured(), q.meanWaitPs() / Units.PS_PER_US, analyticPs / Units.PS_PER_US,
                sim.eventsRun(), sim.eventsRun() * 1e9 / wallNs);
    }

    /** The demo's loads. */
    public static List<Row> runAll(long customers, long seed) {
        List<Row> rows = new ArrayList<>();
        for (double load : new double[] {0.5, 0.7, 0.8, 0.9}) {
            rows.add(run(load, customers, seed));
        }
        return rows;
    }
}
