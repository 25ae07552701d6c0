package org.toesim.nic.plain;

import org.toesim.nic.device.Registers;

/**
 * The Toeplitz hash of receive-side scaling (Microsoft RSS specification, "RSS hashing
 * functions"): for every set bit {@code b} of the input, MSB first, XOR into the result the 32
 * key bits starting at bit {@code b} of the key.
 *
 * <pre>
 *   input (IPv4/TCP)  = srcIp(4) dstIp(4) srcPort(2) dstPort(2)   (network byte order)
 *   input (IPv4 only) = srcIp(4) dstIp(4)                          (fragments)
 *   hash = XOR over set input bits i of key[i .. i+31]
 * </pre>
 * The input is at most 12 bytes, so the key's bit windows are folded into a table of 12 x 256
 * partial hashes: a hash is 12 lookups and XORs, no allocation.
 */
public final class ToeplitzHash {
    /** The key of the Microsoft RSS verification suite (also the default of many drivers). */
    public static final byte[] MICROSOFT_KEY = {
        (byte) 0x6d, (byte) 0x5a, (byte) 0x56, (byte) 0xda, (byte) 0x25, (byte) 0x5b, (byte) 0x0e, (byte) 0xc2,
        (byte) 0x41, (byte) 0x67, (byte) 0x25, (byte) 0x3d, (byte) 0x43, (byte) 0xa3, (byte) 0x8f, (byte) 0xb0,
        (byte) 0xd0, (byte) 0xca, (byte) 0x2b, (byte) 0xcb, (byte) 0xae, (byte) 0x7b, (byte) 0x30, (byte) 0xb4,
        (byte) 0x77, (byte) 0xcb, (byte) 0x2d, (byte) 0xa3, (byte) 0x80, (byte) 0x30, (byte) 0xf2, (byte) 0x0c,
        (byte) 0x6a, (byte) 0x42, (byte) 0xb7, (byte) 0x3b, (byte) 0xbe, (byte) 0xac, (byte) 0x01, (byte) 0xfa,
    };

    private static final int INPUT_BYTES = 12;
    private final byte[] key = new byte[Registers.RSS_KEY_BYTES];
    private final int[][] table = new int[INPUT_BYTES][256];

    /** A hash with {@code key} (40 bytes). */
    public ToeplitzHash(byte[] key) {
        setKey(key);
    }

    /** Replaces the key (40 bytes) and rebuilds the tables. */
    public void setKey(byte[] newKey) {
        if (newKey.length != Registers.RSS_KEY_BYTES) {
            throw new IllegalArgumentException("RSS key must be " + Registers.RSS_KEY_BYTES + " bytes, got "
                    + newKey.length);
        }
        System.arraycopy(newKey, 0, key, 0, key.length);
        for (int pos = 0; pos < INPUT_BYTES; pos++) {
            int[] windows = new int[8];
            for (int bit = 0; bit < 8; bit++) {
                windows[bit] = keyWindow(pos * 8 + bit);
            }
            for (int value = 0; value < 256; value++) {
                int h = 0;
                for (int bit = 0; bit < 8; bit++) {
                    if ((value & (0x80 >>> bit)) != 0) {
                        h ^= windows[bit];
                    }
                }
                table[pos][value] = h;
            }
        }
    }

    /** A copy of the key. */
    public byte[] key() {
        return key.clone();
    }

    /** The 32 key bits starting at bit {@code bitOffset} (MSB of byte 0 is bit 0). */
    private int keyWindow(int bitOffset) {
        int first = bitOffset / 8;
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = (bits << 8) | (key[first + i] & 0xFF);
        }
        return (int) (bits >>> (8 - bitOffset % 8));
    }

    /** Hash of the IPv4/TCP four-tuple (addresses as unsigned 32-bit values in an int). */
    public int hashTcp4(int srcIp, int dstIp, int srcPort, int dstPort) {
        return hashIp4(srcIp, dstIp)
                ^ table[8][(srcPort >>> 8) & 0xFF] ^ table[9][srcPort & 0xFF]
                ^ table[10][(dstPort >>> 8) & 0xFF] ^ table[11][dstPort & 0xFF];
    }

    /** Hash of the IPv4 address pair (used for fragments). */
    public int hashIp4(int srcIp, int dstIp) {
        return table[0][srcIp >>> 24] ^ table[1][(srcIp >>> 16) & 0xFF] ^ table[2][(srcIp >>> 8) & 0xFF]
                ^ table[3][srcIp & 0xFF] ^ table[4][dstIp >>> 24] ^ table[5][(dstIp >>> 16) & 0xFF]
                ^ table[6][(dstIp >>> 8) & 0xFF] ^ table[7][dstIp & 0xFF];
    }
}
