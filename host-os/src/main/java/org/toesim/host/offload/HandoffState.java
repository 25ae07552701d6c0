package org.toesim.host.offload;

/**
 * Where one connection stands in the handoff sequence (SYSTEM.md, "The handoff sequence").
 *
 * <pre>
 *   ON_HOST --decide--&gt; QUIESCING --snapshot--&gt; OFFLOADING --installed--&gt; OFFLOADED
 *      ^                                            |  refused                  | flush
 *      |                                            v                           v
 *      +---------------- (resume, held segments replayed) ------------------ FLUSHING
 *                                                                               | CCB back
 *                                                                               v
 *                                                                         ON_HOST_AGAIN
 * </pre>
 * A refused handoff returns to ON_HOST (or ON_HOST_AGAIN if it had been offloaded before);
 * ON_HOST_AGAIN may be offloaded again like ON_HOST.
 */
public enum HandoffState {
    /** The host stack runs the connection; the policy watches it. */
    ON_HOST,
    /** The stack froze it (no output, arriving segments held); its CCB is being snapshotted. */
    QUIESCING,
    /** InitiateOffload with the CCB image is on its way; the adapter has not answered. */
    OFFLOADING,
    /** The adapter runs it; the host keeps only the handle and the bookkeeping. */
    OFFLOADED,
    /** TerminateOffload is on its way; the adapter will return the CCB. */
    FLUSHING,
    /** The host runs it again from the CCB the adapter returned. */
    ON_HOST_AGAIN;

    /** Whether the host stack runs the connection in this state. */
    public boolean onHost() {
        return this == ON_HOST || this == ON_HOST_AGAIN;
    }

    /** Whether a transition from this state to {@code next} is part of the sequence. */
    public boolean canMoveTo(HandoffState next) {
        return switch (this) {
            case ON_HOST, ON_HOST_AGAIN -> next == QUIESCING;
            case QUIESCING -> next == OFFLOADING || next == ON_HOST || next == ON_HOST_AGAIN;
            case OFFLOADING -> next == OFFLOADED || next == ON_HOST || next == ON_HOST_AGAIN;
            case OFFLOADED -> next == FLUSHING;
            case FLUSHING -> next == ON_HOST_AGAIN;
        };
    }
}
