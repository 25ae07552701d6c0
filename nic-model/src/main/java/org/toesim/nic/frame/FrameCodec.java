package org.toesim.nic.frame;

import static org.toesim.nic.frame.TcpOptionCodec.getInt;
import static org.toesim.nic.frame.TcpOptionCodec.getShort;
import static org.toesim.nic.frame.TcpOptionCodec.putInt;
import static org.toesim.nic.frame.TcpOptionCodec.putShort;

import java.nio.ByteBuffer;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpOptions;

/**
 * The real bytes of a {@link Frame}: Ethernet II header, IPv4 header (RFC 791 §3.1) with its
 * header checksum, TCP header (RFC 9293 §3.1) with options ({@link TcpOptionCodec}) and the
 * checksum over the pseudo-header, then the payload (real bytes, or {@link Payload#patternByte}
 * for a virtual payload). No FCS and no minimum-size padding: the bytes a capture records.
 *
 * <pre>
 *   encode: eth(14) | ipv4(20+opt) | tcp(20+opt) | payload
 *           -&gt; IP checksum over the IP header, TCP checksum over pseudo-header + TCP
 *           -&gt; corrupted frame: one bit of the TCP checksum flipped (fields stay intact)
 *   decode: parse, verify both checksums; corrupted = either fails
 * </pre>
 *
 * <p>A corrupted frame is written with bit {@code frameId mod 16} of its TCP checksum
 * inverted: a single-bit change always breaks a ones'-complement sum, and the header fields
 * keep their values so {@code decode(encode(f)).equals(f)} still holds.
 *
 * <p>Encoding into a {@code byte[]} or a heap {@link ByteBuffer} allocates nothing.
 */
public final class FrameCodec {
    private static final int ETH = EthernetWire.HEADER_BYTES;
    private static final int TCP_CHECKSUM_AT = 16;

    private FrameCodec() {
    }

    /** Writes {@code f} at {@code dst[off...]}; returns {@code f.lenBytes()}. */
    public static int encode(Frame f, byte[] dst, int off) {
        int len = f.lenBytes();
        if (dst.length - off < len) {
            throw new IllegalArgumentException("buffer has " + (dst.length - off) + " bytes, frame needs " + len);
        }
        putMac(dst, off, f.dstMac());
        putMac(dst, off + 6, f.srcMac());
        putShort(dst, off + 12, f.etherType());
        int ipOff = off + ETH;
        int tcpOff = writeIpv4(f, dst, ipOff);
        writeTcp(f, dst, tcpOff);
        return len;
    }

    /**
     * Writes {@code f} at the buffer's position and advances it. Heap buffers are written in
     * place; a direct buffer costs one temporary array.
     */
    public static int encode(Frame f, ByteBuffer dst) {
        int len = f.lenBytes();
        if (dst.remaining() < len) {
            throw new IllegalArgumentException("buffer has " + dst.remaining() + " bytes, frame needs " + len);
        }
        if (dst.hasArray()) {
            encode(f, dst.array(), dst.arrayOffset() + dst.position());
        } else {
            byte[] tmp = new byte[len];
            encode(f, tmp, 0);
            dst.put(dst.position(), tmp);
        }
        dst.position(dst.position() + len);
        return len;
    }

    private static int writeIpv4(Frame f, byte[] b, int p) {
        Ipv4Header ip = f.ip();
        int hl = ip.headerLenBytes();
        b[p] = (byte) (0x40 | (hl >>> 2));
        b[p + 1] = (byte) ip.tos();
        putShort(b, p + 2, f.ipTotalLenBytes());
        putShort(b, p + 4, ip.identification());
        int flagsFrag = (ip.dontFragment() ? 0x4000 : 0) | (ip.moreFragments() ? 0x2000 : 0)
                | (ip.fragmentOffsetBytes() >>> 3);
        putShort(b, p + 6, flagsFrag);
        b[p + 8] = (byte) ip.ttl();
        b[p + 9] = Ipv4Header.PROTOCOL_TCP;
        putShort(b, p + 10, 0);
        putInt(b, p + 12, ip.srcIp());
        putInt(b, p + 16, ip.dstIp());
        for (int i = p + 20; i < p + hl; i++) {
            b[i] = 1; // IP No-Operation option (RFC 791 §3.1, type 1)
        }
        putShort(b, p + 10, InternetChecksum.finish(InternetChecksum.add(0, b, p, hl)));
        return p + hl;
    }

    private static void writeTcp(Frame f, byte[] b, int p) {
        Segment s = f.tcp();
        int hl = s.headerLenBytes();
        putShort(b, p, s.srcPort());
        putShort(b, p + 2, s.dstPort());
        putInt(b, p + 4, s.seq());
        putInt(b, p + 8, s.ack());
        b[p + 12] = (byte) ((hl >>> 2) << 4);
        b[p + 13] = (byte) s.flags();
        putShort(b, p + 14, s.window());
        putShort(b, p + TCP_CHECKSUM_AT, 0);
        putShort(b, p + 18, s.urgentPointer());
        TcpOptionCodec.encode(s.options(), b, p + 20);
        Payload payload = s.payload();
        if (!payload.isEmpty()) {
            payload.copyTo(b, p + hl);
        }
        int tcpLen = hl + payload.lenBytes();
        long sum = InternetChecksum.tcpPseudoHeader(f.ip().srcIp(), f.ip().dstIp(), tcpLen);
        int checksum = InternetChecksum.finish(InternetChecksum.add(sum, b, p, tcpLen));
        if (f.corrupted()) {
            checksum ^= 1 << (int) Math.floorMod(f.frameId(), 16L);
        }
        putShort(b, p + TCP_CHECKSUM_AT, checksum);
    }

    /** Decodes with frame id 0, the payload matched against the pattern at stream offset 0. */
    public static Frame decode(byte[] src, int off, int len) {
        return decode(src, off, len, 0L, 0L);
    }

    /**
     * Decodes one frame. The payload comes back virtual at {@code payloadStreamOffset} when its
     * bytes equal {@link Payload#patternByte} there, otherwise as a real copy. The result is
     * marked {@code corrupted} when the IPv4 header or TCP checksum fails.
     *
     * @throws FrameFormatException if the bytes are not Ethernet II / IPv4 / TCP
     */
    public static Frame decode(byte[] src, int off, int len, long frameId, long payloadStreamOffset) {
        if (len < ETH + 40) {
            throw new FrameFormatException("frame of " + len + " bytes is too short for Ethernet/IPv4/TCP");
        }
        if (getShort(src, off + 12) != EthernetWire.ETHERTYPE_IPV4) {
            throw new FrameFormatException("EtherType 0x" + Integer.toHexString(getShort(src, off + 12)) + " is not IPv4");
        }
        int ipOff = off + ETH;
        Ipv4Header ip = readIpv4(src, ipOff, len - ETH);
        int ipTotal = getShort(src, ipOff + 2);
        boolean ipOk = InternetChecksum.fold(InternetChecksum.add(0, src, ipOff, ip.headerLenBytes())) == 0xFFFF;
        int tcpOff = ipOff + ip.headerLenBytes();
        int tcpLen = ipTotal - ip.headerLenBytes();
        long sum = InternetChecksum.tcpPseudoHeader(ip.srcIp(), ip.dstIp(), tcpLen);
        boolean tcpOk = InternetChecksum.fold(InternetChecksum.add(sum, src, tcpOff, tcpLen)) == 0xFFFF;
        Segment tcp = readTcp(src, tcpOff, tcpLen, payloadStreamOffset);
        return new Frame(frameId, getMac(src, off + 6), getMac(src, off), ip, tcp, !(ipOk && tcpOk));
    }

    /** True when both the IPv4 header checksum and the TCP checksum of the frame at {@code src[off...]} hold. */
    public static boolean checksumsValid(byte[] src, int off, int len) {
        return !decode(src, off, len).corrupted();
    }

    private static Ipv4Header readIpv4(byte[] b, int p, int avail) {
        if ((b[p] & 0xF0) != 0x40) {
            throw new FrameFormatException("IP version " + ((b[p] & 0xF0) >>> 4) + " is not 4");
        }
        int hl = (b[p] & 0x0F) * 4;
        int total = getShort(b, p + 2);
        if (hl < 20 || total < hl + 20 || total > avail) {
            throw new FrameFormatException("IPv4 header length " + hl + " / total " + total + " inconsistent with " + avail + " bytes");
        }
        if ((b[p + 9] & 0xFF) != Ipv4Header.PROTOCOL_TCP) {
            throw new FrameFormatException("IP protocol " + (b[p + 9] & 0xFF) + " is not TCP");
        }
        int flagsFrag = getShort(b, p + 6);
        return new Ipv4Header(getInt(b, p + 12), getInt(b, p + 16), getShort(b, p + 4), b[p + 8] & 0xFF,
                b[p + 1] & 0xFF, (flagsFrag & 0x4000) != 0, (flagsFrag & 0x2000) != 0,
                (flagsFrag & 0x1FFF) << 3, hl - 20);
    }

    private static Segment readTcp(byte[] b, int p, int tcpLen, long payloadStreamOffset) {
        int hl = ((b[p + 12] & 0xF0) >>> 4) * 4;
        if (hl < 20 || hl > tcpLen) {
            throw new FrameFormatException("TCP data offset " + hl + " inconsistent with segment of " + tcpLen + " bytes");
        }
        TcpOptions options = TcpOptionCodec.decode(b, p + 20, hl - 20);
        if (options.encodedLenBytes() != hl - 20) {
            throw new FrameFormatException("TCP options area of " + (hl - 20) + " bytes does not re-encode to the same size");
        }
        Payload payload = readPayload(b, p + hl, tcpLen - hl, payloadStreamOffset);
        return new Segment(getShort(b, p), getShort(b, p + 2), getInt(b, p + 4), getInt(b, p + 8), b[p + 13] & 0xFF,
                getShort(b, p + 14), getShort(b, p + 18), options, payload);
    }

    private static Payload readPayload(byte[] b, int p, int len, long streamOffset) {
        for (int i = 0; i < len; i++) {
            if (b[p + i] != Payload.patternByte(streamOffset + i)) {
                byte[] copy = new byte[len];
                System.arraycopy(b, p, copy, 0, len);
                return Payload.real(streamOffset, copy, 0, len);
            }
        }
        return Payload.virtual(streamOffset, len);
    }

    private static void putMac(byte[] b, int p, long mac) {
        for (int i = 0; i < 6; i++) {
            b[p + i] = (byte) (mac >>> (40 - 8 * i));
        }
    }

    private static long getMac(byte[] b, int p) {
        long mac = 0;
        for (int i = 0; i < 6; i++) {
            mac = (mac << 8) | (b[p + i] & 0xFF);
        }
        return mac;
    }
}
