package org.toesim.host.offload;

import org.toesim.tcp.segment.FourTuple;

/** Told after every move of a connection in the handoff state machine. */
@FunctionalInterface
public interface HandoffListener {
    void stateChanged(FourTuple tuple, HandoffState from, HandoffState to);

    /**
     * The peer closed an offloaded connection and the adapter placed every byte before its FIN
     * ({@link CloseMode#CLOSE_ON_CARD}): the application's reads see the end of the stream now.
     */
    default void peerClosed(FourTuple tuple) {
    }
}
