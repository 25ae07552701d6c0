package org.toesim.nic.toe;

/**
 * Optional upload requests: when the card asks the host to take a connection back although
 * nothing forces it to. Each rule is off when its threshold is 0. None is ever posted in
 * FIN_WAIT_1, FIN_WAIT_2 or CLOSE_WAIT (the host would only re-enter the close the card is
 * running), nor while an earlier upload request of the connection is outstanding.
 *
 * <pre>
 *   NO_POSTED_BUFFERS     received bytes wait on the card, neither placed in a posted buffer nor
 *                         copied to an indication buffer, for noPostedBuffersPs without a break
 *   LOW_ACTIVITY          no segment received or sent for lowActivityPs
 *   HIGH_DROP_OR_REORDER  of the last highDropWindowSegments segments received, at least
 *                         highDropPercent % were out of order or dropped on a full core queue
 * </pre>
 * The two timed rules share one event per connection that re-arms itself from deadlines kept in
 * fields, so the per-segment path only stores a time stamp.
 *
 * @param noPostedBuffersPs      starvation time before NO_POSTED_BUFFERS (0 = off)
 * @param lowActivityPs          idle time before LOW_ACTIVITY (0 = off)
 * @param highDropPercent        bad-segment share that triggers HIGH_DROP_OR_REORDER, 1..100 (0 = off)
 * @param highDropWindowSegments received segments per evaluation window (at least 1)
 */
public record UploadPolicy(long noPostedBuffersPs, long lowActivityPs, int highDropPercent,
        int highDropWindowSegments) {
    /** No optional upload requests (the default). */
    public static final UploadPolicy OFF = new UploadPolicy(0, 0, 0, 64);

    public UploadPolicy {
        if (noPostedBuffersPs < 0 || lowActivityPs < 0 || highDropPercent < 0 || highDropPercent > 100
                || highDropWindowSegments < 1) {
            throw new IllegalArgumentException("bad upload policy: " + noPostedBuffersPs + " ps, " + lowActivityPs
                    + " ps, " + highDropPercent + " %, " + highDropWindowSegments + " segments");
        }
    }

    public UploadPolicy withNoPostedBuffersPs(long v) {
        return new UploadPolicy(v, lowActivityPs, highDropPercent, highDropWindowSegments);
    }

    public UploadPolicy withLowActivityPs(long v) {
        return new UploadPolicy(noPostedBuffersPs, v, highDropPercent, highDropWindowSegments);
    }

    public UploadPolicy withHighDrop(int percent, int windowSegments) {
        return new UploadPolicy(noPostedBuffersPs, lowActivityPs, percent, windowSegments);
    }

    /** Whether either timed rule is on (the card then keeps one policy event per connection). */
    public boolean timed() {
        return noPostedBuffersPs > 0 || lowActivityPs > 0;
    }
}
