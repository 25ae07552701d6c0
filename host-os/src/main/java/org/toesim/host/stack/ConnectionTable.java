package org.toesim.host.stack;

import org.toesim.tcp.segment.FourTuple;

/**
 * The stack's demultiplexing table: connections ({@code V}) by (local port, remote IP, remote port), the
 * three fields that vary on a host with one address, packed into one {@code long}. Open
 * addressing with linear probing and backward-shift deletion: a lookup allocates nothing (no
 * {@link FourTuple} key per received frame) and never scans more than a probe run. Lookups
 * only; never iterated (DEVELOPERS.md determinism rule).
 *
 * <pre>
 *   key = remoteIp &lt;&lt; 32 | localPort &lt;&lt; 16 | remotePort
 *   slot = mix(key) &amp; mask --&gt; probe slot, slot+1, ... until the key or an empty slot
 * </pre>
 */
final class ConnectionTable<V> {
    private long[] keys = new long[16];
    @SuppressWarnings("unchecked")
    private V[] values = (V[]) new Object[16];
    private int size;

    /** The key of a connection whose local end is {@code localPort} and remote end {@code remoteIp:remotePort}. */
    static long key(int localPort, int remoteIp, int remotePort) {
        return (long) remoteIp << 32 | (long) (localPort & 0xFFFF) << 16 | (remotePort & 0xFFFF);
    }

    /** The key of {@code tuple} (its local IP is the host's). */
    static long key(FourTuple tuple) {
        return key(tuple.localPort(), tuple.remoteIp(), tuple.remotePort());
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32) & mask;
    }

    V get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            V v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == key) {
                return v;
            }
        }
    }

    boolean containsKey(long key) {
        return get(key) != null;
    }

    /** Maps {@code key} to {@code c} (replacing any mapping). */
    void put(long key, V c) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (values[i] != null) {
            if (keys[i] == key) {
                values[i] = c;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = c;
        size++;
    }

    /** Removes {@code key}'s mapping; returns the connection it had, or null. */
    V remove(long key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (values[i] != null && keys[i] != key) {
            i = (i + 1) & mask;
        }
        V removed = values[i];
        if (removed == null) {
            return null;
        }
        // backward-shift: move later entries of the run into the hole if their home allows
        int hole = i;
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            boolean movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        values[hole] = null;
        size--;
        return removed;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    private void grow() {
        long[] oldKeys = keys;
        V[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = (V[]) new Object[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
