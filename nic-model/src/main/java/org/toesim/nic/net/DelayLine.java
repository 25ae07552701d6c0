package org.toesim.nic.net;

import java.util.Objects;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.FrameSink;

/**
 * Frames in flight whose delivery times never decrease (a constant delay added to a monotone
 * clock): a growable ring of (frame, time) with one reusable event armed for the head. Adding
 * and delivering allocate nothing once the ring has grown to the number of frames in flight.
 *
 * <pre>
 *   add(f1, t1) add(f2, t2) ...   (t1 &lt;= t2 &lt;= ...)
 *   event @ t1 --&gt; out.receive(f1, t1); re-arm @ t2 --&gt; ...
 * </pre>
 */
public final class DelayLine {
    private final Simulator sim;
    private final FrameSink out;
    private final Event event;
    private Frame[] frames = new Frame[16];
    private long[] timesPs = new long[16];
    private int head;
    private int size;

    public DelayLine(Simulator sim, String kind, String owner, FrameSink out) {
        this.sim = Objects.requireNonNull(sim);
        this.out = Objects.requireNonNull(out);
        this.event = sim.newEvent(kind, owner, Priority.DELIVERY, this::deliverDue);
    }

    /** Delivers {@code frame} to the output at {@code atPs}, which must not precede earlier additions. */
    public void add(Frame frame, long atPs) {
        if (size > 0 && atPs < timesPs[(head + size - 1) & (frames.length - 1)]) {
            throw new IllegalArgumentException("delay line times must not decrease: " + atPs + " ps");
        }
        if (size == frames.length) {
            grow();
        }
        int slot = (head + size) & (frames.length - 1);
        frames[slot] = frame;
        timesPs[slot] = atPs;
        size++;
        if (size == 1) {
            sim.scheduleAt(event, atPs);
        }
    }

    /** Frames in flight. */
    public int size() {
        return size;
    }

    private void deliverDue() {
        long now = sim.now();
        while (size > 0 && timesPs[head] <= now) {
            Frame f = frames[head];
            frames[head] = null;
            head = (head + 1) & (frames.length - 1);
            size--;
            out.receive(f, now);
        }
        if (size > 0) {
            sim.scheduleAt(event, timesPs[head]);
        }
    }

    private void grow() {
        int n = frames.length;
        Frame[] nf = new Frame[n * 2];
        long[] nt = new long[n * 2];
        for (int i = 0; i < n; i++) {
            nf[i] = frames[(head + i) & (n - 1)];
            nt[i] = timesPs[(head + i) & (n - 1)];
        }
        frames = nf;
        timesPs = nt;
        head = 0;
    }
}
