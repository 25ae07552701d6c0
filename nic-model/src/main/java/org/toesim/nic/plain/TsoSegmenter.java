package org.toesim.nic.plain;

import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.seq.SeqNum;

/**
 * TCP segmentation offload: cuts a frame whose TCP payload exceeds the MSS into frames of at
 * most MSS payload bytes, the way NICs do from one header template (Intel 82599 datasheet
 * 7.2.4, Linux {@code tcp_gso_segment}):
 *
 * <pre>
 *   piece k of n (k = 0..n-1), n = ceil(payload / mss):
 *     payload  = slice [k*mss, min((k+1)*mss, payload))
 *     seq      = seq + k*mss                      (RFC 9293 modular arithmetic)
 *     IP id    = id + k (mod 2^16)
 *     flags    = ACK/URG/ECE as given; CWR only on piece 0; FIN and PSH only on piece n-1
 *     options  = copied (timestamps repeat, as from a header template)
 * </pre>
 * Every piece keeps the source frame's trace id ({@code frameId}), so a trace ties the wire
 * frames to the host's send. Pieces are built one at a time ({@link #piece}), so a 64 KiB send costs one frame allocation
 * per wire frame and nothing else.
 */
public final class TsoSegmenter {
    private TsoSegmenter() {
    }

    /** Number of frames {@code frame} becomes with MSS {@code mssBytes} (1 if it fits). */
    public static int pieces(Frame frame, int mssBytes) {
        int payload = frame.tcp().payloadLenBytes();
        return payload <= mssBytes ? 1 : (payload + mssBytes - 1) / mssBytes;
    }

    /** Piece {@code index} of {@code frame} cut at {@code mssBytes}; the frame itself if it is not cut. */
    public static Frame piece(Frame frame, int mssBytes, int index) {
        int n = pieces(frame, mssBytes);
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("piece " + index + " of " + n);
        }
        if (n == 1) {
            return frame;
        }
        Segment s = frame.tcp();
        int from = index * mssBytes;
        int len = Math.min(mssBytes, s.payloadLenBytes() - from);
        boolean last = index == n - 1;
        int flags = s.flags() & ~(TcpFlags.FIN | TcpFlags.PSH | TcpFlags.CWR);
        if (last) {
            flags |= s.flags() & (TcpFlags.FIN | TcpFlags.PSH);
        }
        if (index == 0) {
            flags |= s.flags() & TcpFlags.CWR;
        }
        Segment piece = new Segment(s.srcPort(), s.dstPort(), SeqNum.add(s.seq(), from), s.ack(), flags, s.window(),
                s.urgentPointer(), s.options(), s.payload().slice(from, len));
        Ipv4Header ip = frame.ip();
        Ipv4Header pieceIp = new Ipv4Header(ip.srcIp(), ip.dstIp(), (ip.identification() + index) & 0xFFFF, ip.ttl(),
                ip.tos(), ip.dontFragment(), ip.moreFragments(), ip.fragmentOffsetBytes(), ip.optionsLenBytes());
        return new Frame(frame.frameId(), frame.srcMac(), frame.dstMac(), pieceIp, piece, frame.corrupted());
    }
}
