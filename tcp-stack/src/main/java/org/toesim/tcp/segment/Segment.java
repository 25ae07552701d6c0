package org.toesim.tcp.segment;

import org.toesim.tcp.seq.SeqNum;

/**
 * One TCP segment as values (RFC 9293 §3.1). Sequence and acknowledgment numbers are 32-bit
 * modular values held in an int (see {@link SeqNum}); {@code window} is the
 * raw 16-bit header field (unscaled, RFC 7323 §2.2). The IP addresses travel with the frame,
 * not here.
 *
 * @param srcPort  source port
 * @param dstPort  destination port
 * @param seq      sequence number of the first octet (or the ISN on a SYN)
 * @param ack      acknowledgment number, meaningful when {@link TcpFlags#ACK} is set
 * @param flags    control bits, see {@link TcpFlags}
 * @param window   the 16-bit window field as sent
 * @param urgentPointer urgent pointer field
 * @param options  decoded options
 * @param payload  data octets (virtual or real)
 */
public record Segment(int srcPort, int dstPort, int seq, int ack, int flags, int window,
                      int urgentPointer, TcpOptions options, Payload payload) {
    public Segment {
        if (window < 0 || window > 0xFFFF) {
            throw new IllegalArgumentException("window field " + window + " is not 16-bit");
        }
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public int payloadLenBytes() {
        return payload.lenBytes();
    }

    /** SEG.LEN of RFC 9293 §3.4: payload octets plus one each for SYN and FIN. */
    public long seqLen() {
        return payload.lenBytes() + (has(TcpFlags.SYN) ? 1 : 0) + (has(TcpFlags.FIN) ? 1 : 0);
    }

    /** TCP header length in bytes (20 + options, padded). */
    public int headerLenBytes() {
        return 20 + options.encodedLenBytes();
    }

    @Override
    public String toString() {
        return srcPort + ">" + dstPort + " [" + TcpFlags.toString(flags) + "] seq " + SeqNum.toString(seq)
                + (has(TcpFlags.ACK) ? " ack " + SeqNum.toString(ack) : "") + " win " + window
                + " len " + payload.lenBytes();
    }
}
