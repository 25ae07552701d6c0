package org.toesim.nic.frame;

import java.util.List;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.SackBlock;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

/** Template frames for tests: hosts 10.0.0.1 (MAC 02:00:00:00:00:01) and 10.0.0.2 (…:02). */
public final class TestFrames {
    public static final int IP_A = 0x0A000001;
    public static final int IP_B = 0x0A000002;
    public static final long MAC_A = MacAddress.local(1);
    public static final long MAC_B = MacAddress.local(2);

    private TestFrames() {
    }

    /** SYN 40000 &gt; 80, seq 0x01020304, window 65535, MSS 1460, SACK-permitted, TS 1/0, WS 7. */
    public static Frame syn() {
        TcpOptions opts = new TcpOptions(1460, 7, true, true, 1, 0, List.of());
        Segment s = new Segment(40000, 80, 0x01020304, 0, TcpFlags.SYN, 65535, 0, opts, Payload.EMPTY);
        return Frame.of(1, MAC_A, MAC_B, Ipv4Header.of(IP_A, IP_B, 0x1234), s);
    }

    /** A data segment of {@code lenBytes} virtual bytes at stream offset {@code offset}, with timestamps and optional SACK. */
    public static Frame data(long frameId, long offset, int lenBytes, List<SackBlock> sack) {
        TcpOptions opts = new TcpOptions(-1, -1, false, true, 1000 + (int) frameId, 77, sack);
        Segment s = new Segment(40000, 80, 0x01020305 + (int) offset, 0xAABBCCDD, TcpFlags.ACK | TcpFlags.PSH, 512, 0,
                opts, Payload.virtual(offset, lenBytes));
        return Frame.of(frameId, MAC_A, MAC_B, Ipv4Header.of(IP_A, IP_B, (int) (frameId & 0xFFFF)), s);
    }

    /** A full-size (1518-byte with FCS) data frame from A to B. */
    public static Frame fullSize(long frameId) {
        Segment s = new Segment(40000, 80, (int) frameId * 1460, 1, TcpFlags.ACK, 512, 0, TcpOptions.NONE,
                Payload.virtual(frameId * 1460, 1460));
        return Frame.of(frameId, MAC_A, MAC_B, Ipv4Header.of(IP_A, IP_B, 0), s);
    }

    /** A pure ACK (54 bytes without FCS, 64 on the wire after padding) from {@code src} to {@code dst}. */
    public static Frame ack(long frameId, long srcMac, long dstMac, int srcIp, int dstIp) {
        Segment s = new Segment(80, 40000, 1, (int) frameId, TcpFlags.ACK, 512, 0, TcpOptions.NONE, Payload.EMPTY);
        return Frame.of(frameId, srcMac, dstMac, Ipv4Header.of(srcIp, dstIp, 0), s);
    }
}
