package org.toesim.nic.toe;

import java.util.HashMap;

/**
 * The card's neighbour cache: one entry per next hop (ToeSim's networks are layer 2, so the next
 * hop of a connection is its peer), shared by every connection to it, so an update reaches all of
 * them at once whatever their number (Chimney's neighbour state object, which every path and
 * connection through that neighbour references).
 *
 * <pre>
 *  received frame (src IP, src MAC) --&gt; learn: the entry takes the MAC, unless the host set it
 *  UpdateNeighbour(ip, mac) from the host --&gt; set: the entry takes the MAC and stops learning
 *  connection install --&gt; of(remote IP): created empty (0 = not known: frames go to broadcast)
 * </pre>
 * Looked up by IP only, never iterated.
 */
final class Neighbours {
    /** One next hop's link-layer address as the card knows it. */
    static final class Entry {
        /** The MAC frames to this neighbour carry; 0 while unknown. */
        long mac;
        /** The host pushed this entry: frames from the neighbour no longer change it. */
        boolean fromHost;
    }

    private final HashMap<Integer, Entry> byIp = new HashMap<>();
    private long hostUpdates;

    /** The entry of {@code ip}, created (unknown) on first use. */
    Entry of(int ip) {
        return byIp.computeIfAbsent(ip, k -> new Entry());
    }

    /** A frame from {@code ip} came from {@code mac}: learnt unless the host owns the entry. */
    void learn(int ip, long mac) {
        Entry e = of(ip);
        if (!e.fromHost) {
            e.mac = mac;
        }
    }

    /** The host says {@code ip} is now at {@code mac}. */
    void setFromHost(int ip, long mac) {
        Entry e = of(ip);
        e.mac = mac;
        e.fromHost = true;
        hostUpdates++;
    }

    /** UpdateNeighbour commands applied. */
    long hostUpdates() {
        return hostUpdates;
    }
}
