package org.toesim.nic.net;

import java.util.Arrays;

/**
 * A static map from a destination key (48-bit MAC or 32-bit IPv4 address, as a long) to an
 * output port: sorted parallel arrays, binary search, no boxing on lookup. Filled while the
 * topology is built; looked up per frame.
 */
public final class ForwardingTable {
    /** Returned by {@link #lookup} for an unknown key. */
    public static final int NO_PORT = -1;

    private long[] keys = new long[0];
    private int[] ports = new int[0];

    /** Sets the output port for {@code key} (replacing an earlier entry). */
    public void put(long key, int port) {
        if (port < 0) {
            throw new IllegalArgumentException("port " + port + " < 0");
        }
        int i = Arrays.binarySearch(keys, key);
        if (i >= 0) {
            ports[i] = port;
            return;
        }
        int at = -i - 1;
        long[] nk = new long[keys.length + 1];
        int[] np = new int[ports.length + 1];
        System.arraycopy(keys, 0, nk, 0, at);
        System.arraycopy(ports, 0, np, 0, at);
        nk[at] = key;
        np[at] = port;
        System.arraycopy(keys, at, nk, at + 1, keys.length - at);
        System.arraycopy(ports, at, np, at + 1, ports.length - at);
        keys = nk;
        ports = np;
    }

    /** The port for {@code key}, or {@link #NO_PORT}. */
    public int lookup(long key) {
        int i = Arrays.binarySearch(keys, key);
        return i >= 0 ? ports[i] : NO_PORT;
    }

    public int size() {
        return keys.length;
    }
}
