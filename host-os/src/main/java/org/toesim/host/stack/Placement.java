package org.toesim.host.stack;

/**
 * Where a connection's TCP processing runs.
 *
 * <pre>
 *   HOST --quiesce--&gt; QUIESCED --markOffloaded--&gt; OFFLOADED --resume(ccb)--&gt; HOST
 *                        \--resume()-----------------------------------------&gt; HOST
 * </pre>
 */
public enum Placement {
    /** The host stack runs the connection. */
    HOST,
    /** Frozen for a handoff: no output, arriving segments are held in order. */
    QUIESCED,
    /** The adapter runs it; frames that still reach the host go to the slow-path handler. */
    OFFLOADED
}
