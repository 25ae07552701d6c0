package org.toesim.host.stack;

import org.toesim.nic.frame.Frame;

/**
 * Receives frames of an {@link Placement#OFFLOADED} connection that still reach the host (the
 * adapter's slow path, or frames that were in flight during the handoff). The stack does no TCP
 * processing of them; the offload manager decides (forward to the adapter, flush, ...).
 */
@FunctionalInterface
public interface SlowPathHandler {
    void onSlowPathFrame(HostConnection c, Frame frame, int core, RxInfo info);
}
