package org.toesim.host.stack;

import java.util.function.IntPredicate;

/**
 * Local port bookkeeping: a use count per port (listeners and connections, TIME_WAIT included),
 * the ports a listener holds, and round-robin ephemeral allocation over the configured range.
 *
 * <p>As Linux's {@code __inet_hash_connect}: a port a listener holds is never chosen; a port
 * only connections use is chosen again when the new four-tuple is free (the connections go to
 * another destination), so the ephemeral range limits connections per destination, not per
 * host. The scan starts after the last port given, so each port is used once before any is
 * shared.
 */
final class PortAllocator {
    private final int[] uses = new int[0x10000];
    private final boolean[] listening = new boolean[0x10000];
    private final int low;
    private final int high;
    private int next;

    PortAllocator(int low, int high) {
        this.low = low;
        this.high = high;
        this.next = low;
    }

    /**
     * A port for a connection, marked in use: the next unused one, or one in use only by
     * connections for which {@code tupleFree} says the new four-tuple is free; -1 when none is.
     */
    int allocateEphemeral(IntPredicate tupleFree) {
        int span = high - low + 1;
        for (int i = 0; i < span; i++) {
            int p = next;
            next = next == high ? low : next + 1;
            if (listening[p]) {
                continue;
            }
            if (uses[p] == 0 || tupleFree.test(p)) {
                uses[p]++;
                return p;
            }
        }
        return -1;
    }

    /** A listener takes {@code port}: connect() no longer chooses it. */
    void listen(int port) {
        listening[port] = true;
        uses[port]++;
    }

    /** The listener on {@code port} is gone. */
    void unlisten(int port) {
        listening[port] = false;
        release(port);
    }

    void acquire(int port) {
        uses[port]++;
    }

    void release(int port) {
        if (uses[port] <= 0) {
            throw new IllegalStateException("port " + port + " released but not in use");
        }
        uses[port]--;
    }

    boolean inUse(int port) {
        return uses[port] > 0;
    }
}
