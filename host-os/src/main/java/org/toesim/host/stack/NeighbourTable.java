package org.toesim.host.stack;

import java.util.HashMap;
import java.util.Map;
import org.toesim.nic.frame.MacAddress;
import org.toesim.tcp.segment.FourTuple;

/**
 * Static IPv4-to-MAC mappings (an ARP cache filled by configuration; the model has no ARP
 * traffic). Looked up once per transmitted frame; never iterated.
 */
public final class NeighbourTable {
    private final Map<Integer, Long> macByIp = new HashMap<>();
    /** The last entry looked up: consecutive frames mostly go to one peer, found without boxing. */
    private boolean cached;
    private int cachedIp;
    private long cachedMac;

    /** Maps {@code ip} to {@code mac}. */
    public NeighbourTable put(int ip, long mac) {
        macByIp.put(ip, MacAddress.check(mac));
        cached = false;
        return this;
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
