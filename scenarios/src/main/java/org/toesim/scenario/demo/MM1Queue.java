package org.toesim.scenario.demo;

import org.apache.commons.math3.random.RandomGenerator;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.Draws;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.stats.Tally;

/**
 * An M/M/1 queue on the sim-core kernel: Poisson arrivals (stream {@code "mm1.arrivals"}),
 * exponential service (stream {@code "mm1.service"}), one server, FIFO. Two reusable events;
 * the waiting customers' arrival times sit in a ring buffer, so nothing is allocated per
 * customer.
 *
 * <pre>
 *   arrival:   schedule next arrival; server idle? start service : enqueue(now)
 *   departure: queue empty? server idle : wait = now - dequeue(); start service
 *   start service: tally wait; schedule departure after Exp(1/mu)
 * </pre>
 *
 * Analytic mean wait in queue (Kendall, Little): {@code Wq = rho / (mu - lambda)}.
 */
public final class MM1Queue {
    private final Simulator sim;
    private final RandomGenerator arrivals;
    private final RandomGenerator services;
    private final long meanInterArrivalPs;
    private final long meanServicePs;
    private final long customers;
    private final long warmUpCustomers;
    private final Event arrival;
    private final Event departure;
    private final Tally waitPs = new Tally("mm1.waitPs", false);
    private long[] queue = new long[1024];
    private int head;
    private int size;
    private boolean busy;
    private long arrived;
    private long started;

    /**
     * @param meanInterArrivalPs 1 / lambda
     * @param meanServicePs      1 / mu
     * @param customers          customers whose wait is measured
     * @param warmUpCustomers    customers served first and not measured (start-up bias)
     */
    public MM1Queue(Simulator sim, RandomStreams streams, long meanInterArrivalPs, long meanServicePs,
                    long customers, long warmUpCustomers) {
        this.sim = sim;
        this.arrivals = streams.get("mm1.arrivals");
        this.services = streams.get("mm1.service");
        this.meanInterArrivalPs = meanInterArrivalPs;
        this.meanServicePs = meanServicePs;
        this.customers = customers;
        this.warmUpCustomers = warmUpCustomers;
        this.arrival = sim.newEvent("arrival", "mm1", Priority.NORMAL, this::onArrival);
        this.departure = sim.newEvent("departure", "mm1", Priority.NORMAL, this::onDeparture);
    }

    /** Schedules the first arrival; then call {@link Simulator#run()}. */
    public void start() {
        sim.scheduleIn(arrival, Draws.exponentialPs(arrivals, meanInterArrivalPs));
    }

    /** Mean measured wait in queue, in picoseconds. */
    public double meanWaitPs() {
        return waitPs.mean();
    }

    public long measured() {
        return waitPs.count();
    }

    private void onArrival() {
        arrived++;
        if (arrived < customers + warmUpCustomers) {
            sim.scheduleIn(arrival, Draws.exponentialPs(arrivals, meanInterArrivalPs));
        }
        if (busy) {
            enqueue(sim.now());
        } else {
            startService(sim.now());
        }
    }

    private void onDeparture() {
        if (size == 0) {
            busy = false;
            return;
        }
        long arrivedAt = queue[head];
        head = (head + 1) & (queue.length - 1);
        size--;
        startService(arrivedAt);
    }

    private void startService(long arrivedAtPs) {
        busy = true;
        if (started++ >= warmUpCustomers) {
            waitPs.add(sim.now() - arrivedAtPs);
        }
        sim.scheduleIn(departure, Draws.exponentialPs(services, meanServicePs));
    }

    private void enqueue(long nowPs) {
        if (size == queue.length) {
            long[] bigger = new long[queue.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = queue[(head + i) & (queue.length - 1)];
            }
            queue = bigger;
            head = 0;
        }
        queue[(head + size) & (queue.length - 1)] = nowPs;
        size++;
    }
}
