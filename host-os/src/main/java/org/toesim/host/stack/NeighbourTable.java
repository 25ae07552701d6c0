package org.toesim.host.stack;

import java.util.HashMap;
import java.util.Map;
import org.toesim.nic.frame.MacAddress;
import org.toesim.tcp.segment.FourTuple;

/**
 * IPv4-to-MAC mappings (an ARP cache filled by configuration; the model has no ARP traffic;
 * {@link #put} may change an entry during a run, and the change listeners hear of it). Looked up
 * once per transmitted frame; never iterated.
 */
public final class NeighbourTable {
    private final Map<Integer, Long> macByIp = new HashMap<>();
    private final java.util.List<ChangeListener> listeners = new java.util.ArrayList<>(1);
    /** The last entry looked up: consecutive frames mostly go to one peer, found without boxing. */
    private boolean cached;
    private int cachedIp;
    private long cachedMac;

    /**
     * Maps {@code ip} to {@code mac}; an entry that changes (not a new one) is reported to the
     * change listeners, in the order they were added (an offload manager tells its adapter).
     */
    public NeighbourTable put(int ip, long mac) {
        Long old = macByIp.put(ip, MacAddress.check(mac));
        cached = false;
        if (old != null && old != mac) {
            for (ChangeListener l : listeners) {
                l.changed(ip, mac);
            }
        }
        return this;
    }

    /** Told when an entry changes to a new MAC. */
    @FunctionalInterface
    public interface ChangeListener {
        void changed(int ip, long mac);
    }

    /** Adds {@code l}; listeners run in the order added. */
    public void addChangeListener(ChangeListener l) {
        listeners.add(java.util.Objects.requireNonNull(l, "listener"));
    }

    /** The MAC of {@code ip}. */
    public long macOf(int ip) {
        if (cached && cachedIp == ip) {
            return cachedMac;
        }
        Long mac = macByIp.get(ip);
        if (mac == null) {
            throw new IllegalStateException("no neighbour entry for " + FourTuple.ipToString(ip));
        }
        cached = true;
        cachedIp = ip;
        cachedMac = mac;
        return mac;
    }

    public boolean contains(int ip) {
        return macByIp.containsKey(ip);
    }
}
