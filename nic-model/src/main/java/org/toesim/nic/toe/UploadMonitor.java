package org.toesim.nic.toe;

import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.nic.device.UploadReason;

/**
 * Runs the optional upload rules of an {@link UploadPolicy} for every connection of a card.
 *
 * <pre>
 *   segment in/out        -&gt; lastActivityPs = now            (no event moved)
 *   segment in (bad?)     -&gt; window counters; full window over the threshold -&gt; HIGH_DROP_OR_REORDER
 *   receive state change  -&gt; starved? starvedSincePs = now (event pulled earlier if needed) : -1
 *   policy event          -&gt; deadline passed? UploadRequest(NO_POSTED_BUFFERS / LOW_ACTIVITY)
 *                            else re-arm at the earliest remaining deadline
 *   retransmission sent   -&gt; new RTO expiries since the last one seen? count them;
 *                            uploadAfterTimeouts in a row with no new data acknowledged -&gt; TIMEOUT
 *   new data acknowledged -&gt; count = 0
 * </pre>
 * The TIMEOUT rule follows RFC 9293 section 3.8.3 (R2): a connection is failing when its
 * retransmission timer keeps expiring with nothing acknowledged. Segments resent by fast
 * retransmit or SACK loss recovery (RFC 5681 section 3.2, RFC 6675) repair losses of a healthy
 * connection (a burst loss in a large response resends several before the cumulative ACK moves)
 * and never count.
 * A deadline that passes while the state forbids a request (closing) is checked again one
 * period later, so a closing connection costs one event per period, not a busy loop.
 */
final class UploadMonitor {
    private final Simulator sim;
    private final Toe toe;
    private final UploadPolicy policy;
    private final int uploadAfterTimeouts;

    UploadMonitor(Simulator sim, Toe toe, UploadPolicy policy, int uploadAfterTimeouts) {
        this.sim = sim;
        this.toe = toe;
        this.policy = policy;
        this.uploadAfterTimeouts = uploadAfterTimeouts;
    }

    /** {@code c} was installed now. */
    void attach(CardConnection c, String owner) {
        c.lastActivityPs = sim.now();
        c.rtoFiringsSeen = c.engine.stats(sim.now()).rtoFirings(); // the CCB's history is not this card's
        c.retransmitsWithoutProgress = 0;
        c.starvedSincePs = -1;
        if (policy.timed()) {
            c.policyTimer = sim.newEvent("toe.uploadPolicy", owner, Priority.TIMER, () -> fire(c));
            if (policy.lowActivityPs() > 0) {
                sim.scheduleAt(c.policyTimer, c.lastActivityPs + policy.lowActivityPs());
            }
        }
    }

    /** A segment of {@code c} was sent. */
    void onSegmentOut(CardConnection c) {
        c.lastActivityPs = sim.now();
    }

    /** A segment of {@code c} was received; {@code bad} when out of order or dropped. */
    void onSegmentIn(CardConnection c, boolean bad) {
        c.lastActivityPs = sim.now();
        if (policy.highDropPercent() == 0) {
            return;
        }
        c.dropWindowSegments++;
        if (bad) {
            c.dropWindowBad++;
        }
        if (c.dropWindowSegments >= policy.highDropWindowSegments()) {
            boolean over = c.dropWindowBad * 100L >= (long) policy.highDropPercent() * c.dropWindowSegments;
            c.dropWindowSegments = 0;
            c.dropWindowBad = 0;
            if (over && c.active) {
                toe.requestUpload(c, UploadReason.HIGH_DROP_OR_REORDER);
            }
        }
    }

    /**
     * {@code c}'s engine resent a segment. Only retransmission-timer expiries count towards
     * TIMEOUT ({@link CardConnection#acked} resets the count when new data is acknowledged).
     */
    void onRetransmission(CardConnection c) {
        long firings = c.engine.stats(sim.now()).rtoFirings(); // a retransmission is rare: the snapshot is fine
        if (firings == c.rtoFiringsSeen) {
            return; // fast retransmit / SACK recovery
        }
        c.retransmitsWithoutProgress += (int) (firings - c.rtoFiringsSeen);
        c.rtoFiringsSeen = firings;
        if (c.retransmitsWithoutProgress >= uploadAfterTimeouts) {
            toe.requestUpload(c, UploadReason.TIMEOUT);
        }
    }

    /** The receive state of {@code c} changed: track whether received bytes wait with nowhere to go. */
    void onReceiveState(CardConnection c) {
        if (policy.noPostedBuffersPs() == 0) {
            return;
        }
        boolean starved = c.heldBytes > 0 && c.posted.isEmpty() && c.indicatedUpTo < c.headOffset + c.heldBytes;
        if (!starved) {
            c.starvedSincePs = -1;
        } else if (c.starvedSincePs < 0) {
            c.starvedSincePs = sim.now();
            long due = c.starvedSincePs + policy.noPostedBuffersPs();
            if (!c.policyTimer.isPending() || c.policyTimer.timePs() > due) {
                sim.scheduleAt(c.policyTimer, due);
            }
        }
    }

    /** {@code c} left the card: its policy event stops. */
    void detach(CardConnection c) {
        if (c.policyTimer != null) {
            sim.cancel(c.policyTimer);
        }
    }

    private void fire(CardConnection c) {
        if (!c.active || c.uploadRequested) {
            return;
        }
        long now = sim.now();
        long next = Long.MAX_VALUE;
        if (c.starvedSincePs >= 0) {
            long due = c.starvedSincePs + policy.noPostedBuffersPs();
            if (now >= due) {
                toe.requestUpload(c, UploadReason.NO_POSTED_BUFFERS);
                due = now + policy.noPostedBuffersPs();
            }
            next = due;
        }
        if (policy.lowActivityPs() > 0 && !c.uploadRequested) {
            long due = c.lastActivityPs + policy.lowActivityPs();
            if (now >= due) {
                toe.requestUpload(c, UploadReason.LOW_ACTIVITY);
                due = now + policy.lowActivityPs();
            }
            next = Math.min(next, due);
        }
        if (!c.uploadRequested && next != Long.MAX_VALUE) {
            sim.scheduleAt(c.policyTimer, next);
        }
    }
}
