package org.toesim.nic.toe;

import java.util.Iterator;
import org.toesim.core.event.Priority;
import org.toesim.core.units.Units;
import org.toesim.nic.frame.Frame;

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
 *   wire frame, OUT_OF_ORDER beyond RCV.NXT, now &lt; parkUntilPs, &lt; MAX_PARKED parked --&gt; parked
 *   fast-path segment processed, RCV.NXT moved --&gt; parked frames starting at RCV.NXT are
 *       classified again, in sequence order (fast path now)
 *   park timer at parkUntilPs --&gt; whatever is still parked is classified again (slow path, as
 *       without parking)
 * </pre>
 * Parking delays no in-order frame and sends no duplicate ACK; a frame parked in vain reaches
 * the host at most {@code WINDOW_PS} late.
 */
final class ReorderPark {
    /** How long after a forward out-of-order frames wait for the gap to fill. */
    static final long WINDOW_PS = 200 * Units.PS_PER_US;
    /** Frames parked per connection at most. */
    static final int MAX_PARKED = 64;

    private final Toe toe;
    private long framesParked;
    private long framesReleased;

    ReorderPark(Toe toe) {
        this.toe = toe;
    }

    /** The host is forwarding frames of {@code c}. */
    void expectForward(CardConnection c) {
        c.parkUntilPs = toe.sim().now() + WINDOW_PS;
    }

    /** Parks {@code frame}, out of order for {@code c}, if the window is open; true if parked. */
    boolean park(CardConnection c, Frame frame) {
        long now = toe.sim().now();
        if (now >= c.parkUntilPs || c.parked.size() >= MAX_PARKED
                || org.toesim.tcp.seq.SeqNum.lt(frame.tcp().seq(), c.classifyRcvNxt)) {
            return false;
        }
        c.parked.addLast(frame);
        framesParked++;
        if (c.parkTimer == null) {
            c.parkTimer = toe.sim().newEvent("toe.parkTimer", "toe." + c.handle, Priority.TIMER, () -> expire(c));
        }
        if (!c.parkTimer.isPending()) {
            toe.sim().scheduleAt(c.parkTimer, c.parkUntilPs);
        }
        return true;
    }

    /** RCV.NXT of {@code c} may have moved: parked frames now in order are classified again. */
    void release(CardConnection c) {
        boolean found = true;
        while (found && !c.parked.isEmpty()) {
            found = false;
            for (Iterator<Frame> it = c.parked.iterator(); it.hasNext(); ) {
                Frame f = it.next();
                if (f.tcp().seq() == c.classifyRcvNxt) {
                    it.remove();
                    framesReleased++;
                    toe.onFrame(f, toe.sim().now());
                    found = true;
                    break;
                }
            }
        }
    }

    private void expire(CardConnection c) {
        long now = toe.sim().now();
        if (now < c.parkUntilPs && c.active) {
            toe.sim().scheduleAt(c.parkTimer, c.parkUntilPs);
            return;
        }
        c.parkUntilPs = now;
        while (!c.parked.isEmpty()) {
            toe.onFrame(c.parked.pollFirst(), now);
        }
    }

    long framesParked() {
        return framesParked;
    }

    long framesReleased() {
        return framesReleased;
    }
}
