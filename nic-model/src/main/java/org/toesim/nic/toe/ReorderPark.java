package org.toesim.nic.toe;

import java.util.ArrayDeque;
import org.toesim.core.event.Priority;
import org.toesim.core.units.Units;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.seq.SeqNum;

/**
 * Out-of-order wire frames parked on the card while the host is expected to forward the
 * segments that fill the gap ({@link org.toesim.nic.device.ToeCommand.ForwardFrames}). Right
 * after an install, segments that arrived during the handoff are still on the host; without
 * parking, every later wire frame would be out of order, go up the slow path, come back by
 * forwarding, and leave a new gap behind it (a chase that lasts as long as the peer sends).
 * The window opens only when the host forwards, so a host that never forwards sees the
 * classifier's verdicts unchanged.
 *
 * <pre>
 *   a ForwardFrames for c runs --&gt; c.parkUntilPs = now + WINDOW_PS
 *   wire frame, OUT_OF_ORDER beyond RCV.NXT, now &lt; parkUntilPs, room in MAX_PARKED_BYTES
 *       --&gt; parked, in sequence order
 *   fast-path segment processed, RCV.NXT moved --&gt; parked frames starting at RCV.NXT are
 *       classified again, in sequence order (fast path now)
 *   park timer at parkUntilPs --&gt; whatever is still parked is classified again (slow path, as
 *       without parking)
 *   parked frames all released, timer expired, or the host forwards an out-of-order frame
 *       --&gt; the handoff gap is behind: parking closes for good (later gaps are wire losses, and
 *           holding frames back would only delay the duplicate ACKs that repair them)
 * </pre>
 * Parking delays no in-order frame and sends no duplicate ACK; a frame parked in vain reaches
 * the host at most {@code WINDOW_PS} late.
 */
final class ReorderPark {
    /** How long after a forward out-of-order frames wait for the gap to fill. */
    static final long WINDOW_PS = 200 * Units.PS_PER_US;
    /**
     * Card memory for parked frames per connection. Right after a mid-stream install the peer
     * may have a whole receive window in flight (the host stack advertised it), and the card's
     * processor drains the backlog only a little faster than the wire fills it: the park must hold
     * what arrives until the host's forwards have filled the gap, or the chase starts again.
     */
    static final int MAX_PARKED_BYTES = 1 << 20;

    private final Toe toe;
    private boolean releasing;
    private long framesParked;
    private long framesReleased;
    private long duplicatesDropped;

    ReorderPark(Toe toe) {
        this.toe = toe;
    }

    /** The host is forwarding frames of {@code c}: the window opens, unless the handoff gap has closed. */
    void expectForward(CardConnection c) {
        if (!c.parkingClosed) {
            c.parkUntilPs = toe.sim().now() + WINDOW_PS;
        }
    }

    /**
     * The handoff gap of {@code c} is behind it (filled, or not filled in time, or the host now
     * forwards out-of-order frames that went up the slow path, i.e. a loss on the wire): from
     * now on out-of-order frames go up the slow path at once, so the engine's duplicate ACKs
     * (with SACK) reach the peer without waiting for a park window, and the peer repairs the loss.
     */
    void close(CardConnection c) {
        c.parkingClosed = true;
        c.parkUntilPs = Math.min(c.parkUntilPs, toe.sim().now());
    }

    /** Parks {@code frame}, out of order for {@code c}, if the window is open; true if parked. */
    boolean park(CardConnection c, Frame frame) {
        long now = toe.sim().now();
        int seq = frame.tcp().seq();
        if (now >= c.parkUntilPs || c.parkedBytes + frame.lenBytes() > MAX_PARKED_BYTES
                || SeqNum.lt(seq, c.classifyRcvNxt)) {
            return false;
        }
        insertInOrder(c.parked, frame);
        c.parkedBytes += frame.lenBytes();
        c.parkedEver = true;
        framesParked++;
        if (c.parkTimer == null) {
            c.parkTimer = toe.sim().newEvent("toe.parkTimer", "toe." + c.handle, Priority.TIMER, () -> expire(c));
        }
        if (!c.parkTimer.isPending()) {
            toe.sim().scheduleAt(c.parkTimer, c.parkUntilPs);
        }
        return true;
    }

    /**
     * Keeps {@code parked} sorted by sequence number; wire frames arrive in order, so this is
     * an append except after a reordering on the path (then a walk back from the tail).
     */
    private static void insertInOrder(ArrayDeque<Frame> parked, Frame frame) {
        int seq = frame.tcp().seq();
        if (parked.isEmpty() || !SeqNum.lt(seq, parked.peekLast().tcp().seq())) {
            parked.addLast(frame);
            return;
        }
        ArrayDeque<Frame> later = new ArrayDeque<>();
        while (!parked.isEmpty() && SeqNum.lt(seq, parked.peekLast().tcp().seq())) {
            later.addFirst(parked.pollLast());
        }
        parked.addLast(frame);
        parked.addAll(later);
    }

    /**
     * RCV.NXT of {@code c} may have moved: parked frames now in order are classified again, in
     * sequence order (each one accepted moves RCV.NXT to the next); parked frames wholly below
     * RCV.NXT (the engine took their bytes from a forwarded copy) are dropped as duplicates.
     * Not re-entered from the classification it triggers (the loop goes on instead).
     */
    void release(CardConnection c) {
        if (releasing) {
            return;
        }
        releasing = true;
        try {
            while (!c.parked.isEmpty()) {
                Frame f = c.parked.peekFirst();
                int seq = f.tcp().seq();
                if (seq == c.classifyRcvNxt) {
                    take(c);
                    framesReleased++;
                    toe.onFrame(f, toe.sim().now(), true);
                } else if (SeqNum.le((int) (seq + f.tcp().seqLen()), c.classifyRcvNxt)
                        && !f.tcp().has(TcpFlags.FIN)) {
                    take(c);
                    duplicatesDropped++;
                } else {
                    return;
                }
            }
            if (c.parkedEver) {
                close(c); // every parked frame is in order now: the handoff gap has filled
            }
        } finally {
            releasing = false;
        }
    }

    private static Frame take(CardConnection c) {
        Frame f = c.parked.pollFirst();
        c.parkedBytes -= f.lenBytes();
        return f;
    }

    private void expire(CardConnection c) {
        long now = toe.sim().now();
        if (now < c.parkUntilPs && c.active) {
            toe.sim().scheduleAt(c.parkTimer, c.parkUntilPs);
            return;
        }
        close(c);
        while (!c.parked.isEmpty()) {
            toe.onFrame(take(c), now, true);
        }
    }

    long framesParked() {
        return framesParked;
    }

    long framesReleased() {
        return framesReleased;
    }

    /** Parked frames dropped because the engine already had their bytes. */
    long duplicatesDropped() {
        return duplicatesDropped;
    }
}
