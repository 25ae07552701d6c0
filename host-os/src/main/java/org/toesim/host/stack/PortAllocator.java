package org.toesim.host.stack;

/**
 * Local port bookkeeping: a use count per port (listeners and connections, TIME_WAIT included)
 * and round-robin ephemeral allocation over the configured range, skipping ports in use.
 */
final class PortAllocator {
    private final int[] uses = new int[0x10000];
    private final int low;
    private final int high;
    private int next;

    PortAllocator(int low, int high) {
        this.low = low;
        this.high = high;
        this.next = low;
    }

    /** A free ephemeral port, marked in use; -1 when every one is in use. */
    int allocateEphemeral() {
        int span = high - low + 1;
        for (int i = 0; i < span; i++) {
            int p = next;
            next = next == high ? low : next + 1;
            if (uses[p] == 0) {
                uses[p]++;
                return p;
            }
        }
        return -1;
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
