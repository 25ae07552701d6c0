package org.toesim.nic.frame;

/**
 * 48-bit Ethernet MAC addresses held in the low bits of a {@code long} (first octet on the wire
 * in bits 47..40), so frames carry them without allocation. Static helpers only.
 */
public final class MacAddress {
    /** The broadcast address ff:ff:ff:ff:ff:ff. */
    public static final long BROADCAST = 0xFFFF_FFFF_FFFFL;
    private static final long MASK = 0xFFFF_FFFF_FFFFL;

    private MacAddress() {
    }

    /** The address with octets {@code o0:o1:o2:o3:o4:o5} (each 0..255). */
    public static long of(int o0, int o1, int o2, int o3, int o4, int o5) {
        int[] octets = {o0, o1, o2, o3, o4, o5};
        long mac = 0;
        for (int o : octets) {
            if (o < 0 || o > 0xFF) {
                throw new IllegalArgumentException("MAC octet " + o + " out of range");
            }
            mac = (mac << 8) | o;
        }
        return mac;
    }

    /** A locally administered unicast address (02:00:xx:xx:xx:xx) numbered {@code n}. */
    public static long local(int n) {
        return 0x0200_0000_0000L | (n & 0xFFFF_FFFFL);
    }

    /** Parses {@code "aa:bb:cc:dd:ee:ff"}. */
    public static long parse(String text) {
        String[] parts = text.split(":");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        long mac = 0;
        for (String p : parts) {
            if (p.length() != 2) {
                throw new IllegalArgumentException("not a MAC address: " + text);
            }
            mac = (mac << 8) | Integer.parseInt(p, 16);
        }
        return mac;
    }

    /** Checks that {@code mac} fits in 48 bits. */
    public static long check(long mac) {
        if ((mac & ~MASK) != 0) {
            throw new IllegalArgumentException("MAC address wider than 48 bits: 0x" + Long.toHexString(mac));
        }
        return mac;
    }

    /** Colon-separated lower-case hex form. */
    public static String toString(long mac) {
        StringBuilder sb = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            int o = (int) (mac >>> shift) & 0xFF;
            sb.append(Character.forDigit(o >>> 4, 16)).append(Character.forDigit(o & 0xF, 16));
            if (shift > 0) {
                sb.append(':');
            }
        }
        return sb.toString();
    }
}
