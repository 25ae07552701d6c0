package org.toesim.tcp.engine;

import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;
import org.toesim.tcp.seq.SeqNum;

/** Replies to segments that find no connection (RFC 9293 §3.10.7.1, "If the state is CLOSED"). */
public final class TcpResets {
    private TcpResets() {
    }

    /**
     * The RST answering {@code seg}, or null when {@code seg} is itself a RST. With ACK:
     * {@code <SEQ=SEG.ACK><CTL=RST>}; without: {@code <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>}.
     */
    public static Segment replyTo(Segment seg) {
        if (seg.has(TcpFlags.RST)) {
            return null;
        }
        if (seg.has(TcpFlags.ACK)) {
            return new Segment(seg.dstPort(), seg.srcPort(), seg.ack(), 0, TcpFlags.RST, 0, 0, TcpOptions.NONE,
                    Payload.EMPTY);
        }
        return new Segment(seg.dstPort(), seg.srcPort(), 0, SeqNum.add(seg.seq(), seg.seqLen()),
                TcpFlags.RST | TcpFlags.ACK, 0, 0, TcpOptions.NONE, Payload.EMPTY);
    }
}
