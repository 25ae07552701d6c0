package org.toesim.scenario.model;

import org.toesim.nic.frame.MacAddress;

/**
 * Addresses of the hosts: host number {@code i} (its position in {@code hosts}) gets IPv4
 * {@code 10.0.(i+1)/256.(i+1)%256} and the locally administered MAC {@code 02:00:00:00:00:i+1}.
 * All hosts share one subnet, so switches forward by destination IP.
 */
final class Addressing {
    private Addressing() {
    }

    /** IPv4 address of host {@code index} as a 32-bit int. */
    static int ip(int index) {
        int n = index + 1;
        return (10 << 24) | ((n >>> 8) & 0xFF) << 8 | (n & 0xFF);
    }

    /** MAC address of host {@code index}. */
    static long mac(int index) {
        return MacAddress.local(index + 1);
    }

    /** Dotted-quad form of {@code ip}. */
    static String dotted(int ip) {
        return (ip >>> 24) + "." + ((ip >>> 16) & 0xFF) + "." + ((ip >>> 8) & 0xFF) + "." + (ip & 0xFF);
    }
}
