package org.toesim.host.offload;

import org.toesim.tcp.segment.FourTuple;

/** Told after every move of a connection in the handoff state machine. */
@FunctionalInterface
public interface HandoffListener {
    void stateChanged(FourTuple tuple, HandoffState from, HandoffState to);
}
