package org.toesim.nic.frame;

import java.util.Objects;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Segment;

/**
 * One Ethernet II frame carrying IPv4 and a TCP segment, as it travels on simulated links.
 * Only what is on the wire plus two simulation-only fields: {@code frameId} (for tracing; not
 * on the wire) and {@code corrupted} (bit errors hit the frame on the way; the receiving MAC's
 * FCS check drops it; {@link FrameCodec} writes such a frame with a wrong TCP checksum).
 *
 * <pre>
 *   lenBytes()      = 14 + ipTotalLenBytes()             (what a capture records)
 *   ipTotalLenBytes = 20 + IP options + tcp.headerLenBytes() + payload
 *   frameLenWithFcsBytes = max(64, lenBytes + 4)
 *   wireLenBytes    = frameLenWithFcsBytes + 7 + 1 + 12  (preamble, SFD, IFG)
 * </pre>
 *
 * @param frameId   trace identifier, not on the wire
 * @param srcMac    source MAC (48 bits, see {@link MacAddress})
 * @param dstMac    destination MAC
 * @param ip        IPv4 header fields
 * @param tcp       the TCP segment (shared with tcp-stack)
 * @param corrupted true when bit errors hit the frame in flight
 */
public record Frame(long frameId, long srcMac, long dstMac, Ipv4Header ip, Segment tcp, boolean corrupted) {
    public Frame {
        MacAddress.check(srcMac);
        MacAddress.check(dstMac);
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(tcp, "tcp");
        if (ip.headerLenBytes() + tcp.headerLenBytes() + tcp.payloadLenBytes() > 0xFFFF) {
            throw new IllegalArgumentException("IPv4 total length exceeds 65535 bytes");
        }
    }

    /** An intact frame. */
    public static Frame of(long frameId, long srcMac, long dstMac, Ipv4Header ip, Segment tcp) {
        return new Frame(frameId, srcMac, dstMac, ip, tcp, false);
    }

    /** Always {@link EthernetWire#ETHERTYPE_IPV4}: frames carry IPv4/TCP only. */
    public int etherType() {
        return EthernetWire.ETHERTYPE_IPV4;
    }

    /** The IPv4 total length field: IP header, TCP header and payload. */
    public int ipTotalLenBytes() {
        return ip.headerLenBytes() + tcp.headerLenBytes() + tcp.payloadLenBytes();
    }

    /** Ethernet frame length without FCS and padding: the bytes {@link FrameCodec} writes. */
    public int lenBytes() {
        return EthernetWire.HEADER_BYTES + ipTotalLenBytes();
    }

    /** Frame length with FCS, padded to the 64-byte minimum. */
    public int frameLenWithFcsBytes() {
        return EthernetWire.frameLenWithFcsBytes(lenBytes());
    }

    /** Byte times on the wire including preamble, SFD and the inter-frame gap. */
    public int wireLenBytes() {
        return EthernetWire.wireLenBytes(lenBytes());
    }

    /** This frame marked as hit by bit errors. */
    public Frame asCorrupted() {
        return corrupted ? this : new Frame(frameId, srcMac, dstMac, ip, tcp, true);
    }

    /** This frame with another trace id. */
    public Frame withFrameId(long newFrameId) {
        return new Frame(newFrameId, srcMac, dstMac, ip, tcp, corrupted);
    }

    @Override
    public String toString() {
        return "frame#" + frameId + " " + FourTuple.ipToString(ip.srcIp()) + ">"
                + FourTuple.ipToString(ip.dstIp()) + " " + tcp
                + (corrupted ? " CORRUPTED" : "");
    }
}
