package org.toesim.nic.pcie;

import java.util.function.Consumer;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.stats.Resettable;

/**
 * One direction of a PCIe link: a FIFO serializer followed by a fixed flight latency.
 *
 * <pre>
 *   send(m, wireBytes) at t:  start  = max(t, busyUntil)
 *                             finish = start + wireBytes * attosPerByte / 1e6   (one event per transfer)
 *                             deliver m at finish + oneWayLatency
 * </pre>
 * Because the latency is the same for every message, deliveries leave in send order; in-flight
 * messages wait in a growable circular array served by one reusable event (no allocation per
 * message once the array has grown).
 *
 * @param <M> the message family of this direction
 */
final class LinkDirection<M> implements Resettable {
    private static final long ATTOS_PER_PS = 1_000_000L;

    private final Simulator sim;
    private final long attosPerWireByte;
    private final long oneWayLatencyPs;
    private final Event deliveryEvent;
    private Consumer<? super M> sink;
    private Object[] inFlight = new Object[16];
    private long[] deliverAtPs = new long[16];
    private int head;
    private int size;
    private long busyUntilPs;
    private long statsStartPs;
    private long messages;
    private long tlps;
    private long payloadBytes;
    private long wireBytes;
    private long busyPs;

    LinkDirection(Simulator sim, String owner, String kind, long attosPerWireByte, long oneWayLatencyPs) {
        this.sim = sim;
        this.attosPerWireByte = attosPerWireByte;
        this.oneWayLatencyPs = oneWayLatencyPs;
        this.deliveryEvent = sim.newEvent(kind, owner, Priority.DELIVERY, this::deliverDue);
    }

    void connect(Consumer<? super M> receiver) {
        this.sink = receiver;
    }

    /** Serialization time of {@code bytes} wire bytes, rounded up to a whole picosecond. */
    long wireTimePs(long bytes) {
        long attos = Math.multiplyExact(bytes, attosPerWireByte);
        return (attos + ATTOS_PER_PS - 1) / ATTOS_PER_PS;
    }

    /** Queues {@code m}; returns the instant it will be delivered. */
    long send(M m, long wire, int tlpCount, long payload) {
        if (sink == null) {
            throw new IllegalStateException("link direction " + deliveryEvent.kind() + " has no receiver attached");
        }
        long now = sim.now();
        long serPs = wireTimePs(wire);
        long finish = Math.max(now, busyUntilPs) + serPs;
        busyUntilPs = finish;
        long at = finish + oneWayLatencyPs;
        messages++;
        tlps += tlpCount;
        payloadBytes += payload;
        wireBytes += wire;
        busyPs += serPs;
        enqueue(m, at);
        if (size == 1) {
            sim.scheduleAt(deliveryEvent, at);
        }
        return at;
    }

    /** The instant the serializer becomes idle (now or earlier when idle). */
    long busyUntilPs() {
        return busyUntilPs;
    }

    /** Messages sent and not yet delivered. */
    int inFlight() {
        return size;
    }

    private void enqueue(M m, long at) {
        if (size == inFlight.length) {
            grow();
        }
        int tail = (head + size) & (inFlight.length - 1);
        inFlight[tail] = m;
        deliverAtPs[tail] = at;
        size++;
    }

    private void grow() {
        int n = inFlight.length;
        Object[] msgs = new Object[n * 2];
        long[] times = new long[n * 2];
        for (int i = 0; i < size; i++) {
            msgs[i] = inFlight[(head + i) & (n - 1)];
            times[i] = deliverAtPs[(head + i) & (n - 1)];
        }
        inFlight = msgs;
        deliverAtPs = times;
        head = 0;
    }

    @SuppressWarnings("unchecked")
    private void deliverDue() {
        long now = sim.now();
        while (size > 0 && deliverAtPs[head] <= now) {
            M m = (M) inFlight[head];
            inFlight[head] = null;
            head = (head + 1) & (inFlight.length - 1);
            size--;
            sink.accept(m);
        }
        if (size > 0 && !deliveryEvent.isPending()) {
            sim.scheduleAt(deliveryEvent, deliverAtPs[head]);
        }
    }

    LinkStats stats() {
        return new LinkStats(messages, tlps, payloadBytes, wireBytes, busyPs, sim.now() - statsStartPs);
    }

    @Override
    public void reset(long nowPs) {
        statsStartPs = nowPs;
        messages = 0;
        tlps = 0;
        payloadBytes = 0;
        wireBytes = 0;
        busyPs = 0;
    }
}
