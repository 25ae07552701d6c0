package org.toesim.host.offload;

import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Payload;

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

    /**
     * The adapter indicated {@code data} of the OFFLOADED {@code tuple} (it had no buffer posted):
     * take as much as the socket can hold now and return how many bytes that is (a prefix of
     * {@code data}; 0 leaves them all on the adapter). When some are taken, {@code release} must run
     * once they have all been read (the indication buffer goes back to the adapter then).
     */
    default int indicated(FourTuple tuple, Payload data, Runnable release) {
        return 0;
    }
}
