package org.toesim.nic.frame;

/**
 * Ethernet sizes on the wire (IEEE 802.3 clause 3 and 4) and the length arithmetic built on them.
 *
 * <pre>
 *   | preamble 7 | SFD 1 | dst 6 | src 6 | type 2 | IPv4 packet ... | pad | FCS 4 | IFG 12 |
 *                        |&lt;------------- frame, at least 64 bytes with FCS ----------&gt;|
 *   |&lt;------------------------ wire bytes: frame + 20 ------------------------------------&gt;|
 * </pre>
 */
public final class EthernetWire {
    /** Destination MAC, source MAC and EtherType. */
    public static final int HEADER_BYTES = 14;
    /** Frame check sequence (CRC-32). */
    public static final int FCS_BYTES = 4;
    /** Smallest frame including FCS; shorter frames are padded. */
    public static final int MIN_FRAME_BYTES = 64;
    public static final int PREAMBLE_BYTES = 7;
    public static final int SFD_BYTES = 1;
    /** Minimum inter-frame gap, expressed in byte times. */
    public static final int IFG_BYTES = 12;
    /** Bytes on the wire around each frame: preamble, SFD and inter-frame gap. */
    public static final int OVERHEAD_BYTES = PREAMBLE_BYTES + SFD_BYTES + IFG_BYTES;
    /** EtherType of IPv4. */
    public static final int ETHERTYPE_IPV4 = 0x0800;
    /** The standard MTU (largest IP packet) in bytes. */
    public static final int DEFAULT_MTU_BYTES = 1500;

    private EthernetWire() {
    }

    /** Frame length including FCS and minimum-size padding, for a frame of {@code lenBytes} without FCS. */
    public static int frameLenWithFcsBytes(int lenBytes) {
        return Math.max(MIN_FRAME_BYTES, lenBytes + FCS_BYTES);
    }

    /** Byte times one frame of {@code lenBytes} (without FCS) occupies on the wire, gap included. */
    public static int wireLenBytes(int lenBytes) {
        return frameLenWithFcsBytes(lenBytes) + OVERHEAD_BYTES;
    }

    /** Byte times from the first preamble bit to the last FCS bit (the gap excluded). */
    public static int busyLenBytes(int lenBytes) {
        return frameLenWithFcsBytes(lenBytes) + PREAMBLE_BYTES + SFD_BYTES;
    }
}
