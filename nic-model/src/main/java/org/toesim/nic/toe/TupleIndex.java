package org.toesim.nic.toe;

import java.util.Arrays;

/**
 * Received-frame lookup of the CCB table without a key object per frame: an open-addressing
 * (linear probing) map from a primitive key {@code remoteIp:32 | remotePort:16 | localPort:16}
 * to the connection. The local IP is not in the key, so the stored connection's local IP is
 * compared; when two installed connections share a key (same remote end and local port on two
 * local addresses) the slot is marked shared and {@link #get} answers {@link #SHARED}, sending
 * the caller to the four-tuple map (and stays so while any connection still has that key, so
 * a removal never searches for the one left). Starts at the size asked for and grows at half
 * load, so a table of a million entries costs memory for the connections installed, not for
 * its capacity; removal shifts later entries back (no tombstones), so a lookup never scans
 * more than its probe run.
 */
final class TupleIndex {
    /** Answer for a key that several connections share. */
    static final CardConnection SHARED = new CardConnection(null, null, 0, null);

    private long[] keys;
    private CardConnection[] values;
    private int[] counts;
    private int size;

    /** An index sized for {@code expected} connections before its first growth. */
    TupleIndex(int expected) {
        int n = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
        keys = new long[n];
        values = new CardConnection[n];
        counts = new int[n];
    }

    static long key(int remoteIp, int remotePort, int localPort) {
        return ((long) remoteIp << 32) | ((long) (remotePort & 0xFFFF) << 16) | (localPort & 0xFFFF);
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** The connection for a frame from {@code remoteIp:remotePort} to {@code localIp:localPort}; null if none; {@link #SHARED} if ambiguous. */
    CardConnection get(int localIp, int localPort, int remoteIp, int remotePort) {
        long k = key(remoteIp, remotePort, localPort);
        int mask = keys.length - 1;
        for (int i = slot(k, mask); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == k) {
                CardConnection c = values[i];
                return counts[i] > 1 || c == SHARED ? SHARED : c.tuple.localIp() == localIp ? c : null;
            }
        }
        return null;
    }

    /** Connections the slots can hold before the next growth (half the slots). */
    int slotCapacity() {
        return keys.length / 2;
    }

    void put(CardConnection c) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        long k = key(c.tuple.remoteIp(), c.tuple.remotePort(), c.tuple.localPort());
        int mask = keys.length - 1;
        int i = slot(k, mask);
        while (values[i] != null && keys[i] != k) {
            i = (i + 1) & mask;
        }
        if (values[i] == null) {
            keys[i] = k;
            values[i] = c;
            counts[i] = 1;
            size++;
        } else {
            counts[i]++;
        }
    }

    /**
     * Removes {@code c}. A key that was shared stays marked {@link #SHARED} while connections
     * remain on it (lookups then go to the four-tuple map): O(1), no search for the survivor.
     */
    void remove(CardConnection c) {
        long k = key(c.tuple.remoteIp(), c.tuple.remotePort(), c.tuple.localPort());
        int mask = keys.length - 1;
        int i = slot(k, mask);
        while (values[i] != null && keys[i] != k) {
            i = (i + 1) & mask;
        }
        if (values[i] == null) {
            return;
        }
        if (--counts[i] > 0) {
            values[i] = SHARED; // the one left is found through the four-tuple map
            return;
        }
        values[i] = null;
        size--;
        // backward-shift deletion (Knuth 6.4, algorithm R)
        int hole = i;
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            boolean movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                counts[hole] = counts[j];
                values[j] = null;
                hole = j;
            }
        }
    }

    private void grow() {
        long[] ok = keys;
        CardConnection[] ov = values;
        int[] oc = counts;
        keys = new long[ok.length * 2];
        values = new CardConnection[ok.length * 2];
        counts = new int[ok.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ov[j] != null) {
                int i = slot(ok[j], mask);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = ok[j];
                values[i] = ov[j];
                counts[i] = oc[j];
            }
        }
        Arrays.fill(ok, 0);
    }
}
