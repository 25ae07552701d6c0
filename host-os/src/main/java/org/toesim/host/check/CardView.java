package org.toesim.host.check;

import org.toesim.host.offload.HandoffState;
import org.toesim.tcp.engine.StreamAccounting;
import org.toesim.tcp.segment.FourTuple;

/**
 * What the invariant checks see of one host's offload adapter and offload manager (read-only).
 * The host OS knows the adapter only through its device contract, so whoever assembles the
 * host (the scenario runner, a test) provides this view.
 */
public interface CardView {
    /** Whether the adapter's CCB table holds {@code tuple} (local view). */
    boolean holds(FourTuple tuple);

    /** The adapter engine's byte accounting for {@code tuple}, or null if it holds none. */
    StreamAccounting accounting(FourTuple tuple);

    /** Where the offload manager has {@code tuple} in the handoff sequence. */
    HandoffState handoffState(FourTuple tuple);
}
