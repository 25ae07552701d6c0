package org.toesim.tcp.engine;

/**
 * A read-only picture of where one engine's stream bytes are, for invariant checks (nothing
 * here changes the connection). Send side in stream offsets from the first data byte (0), with
 * the RFC 9293 positions counted from the ISS (position 0 is the SYN, data byte k is at k+1,
 * the FIN follows the last byte); receive side likewise from the IRS.
 *
 * <pre>
 *   written = acked + inFlight + unsent
 *   |-- acked --|-- in flight (SND.UNA..SND.NXT) --|-- unsent (SND.NXT..end) --|
 *   received (RCV.NXT) = read by the application/card + readable;  out of order held beyond
 * </pre>
 *
 * @param state              the connection state
 * @param writtenBytes       stream offset one past the last byte the application handed over
 * @param sendBufferStart    first byte still held in the send buffer
 * @param sndUnaPos          SND.UNA as a position
 * @param sndNxtPos          SND.NXT as a position
 * @param sndMaxPos          highest position sent
 * @param finQueued          the application closed: a FIN follows the written bytes
 * @param rcvNxtPos          RCV.NXT as a position (0 before the peer's SYN)
 * @param finReceived        the peer's FIN was processed
 * @param receivedBytes      stream offset one past the last in-order byte received
 * @param readBytes          stream offset of the first byte not yet read out of the engine
 * @param outOfOrderBytes    bytes held beyond RCV.NXT for reassembly
 */
public record StreamAccounting(TcpState state, long writtenBytes, long sendBufferStart, long sndUnaPos,
                               long sndNxtPos, long sndMaxPos, boolean finQueued, long rcvNxtPos,
                               boolean finReceived, long receivedBytes, long readBytes, long outOfOrderBytes) {

    /** Data bytes the peer acknowledged cumulatively. */
    public long ackedBytes() {
        return dataOffset(sndUnaPos);
    }

    /** Data bytes sent and not yet acknowledged. */
    public long inFlightBytes() {
        return dataOffset(sndNxtPos) - dataOffset(sndUnaPos);
    }

    /** Data bytes written and never sent (or to be sent again after a timeout). */
    public long unsentBytes() {
        return writtenBytes - dataOffset(sndNxtPos);
    }

    /** Data bytes sent at least once (up to SND.MAX). */
    public long sentBytes() {
        return dataOffset(sndMaxPos);
    }

    /** In-order received bytes the engine still holds (not yet read). */
    public long readableBytes() {
        return receivedBytes - readBytes;
    }

    private long dataOffset(long pos) {
        return Math.max(0, Math.min(pos - 1, writtenBytes));
    }

    /**
     * What is inconsistent, or null: the send buffer must start at SND.UNA, positions must be
     * ordered (SND.UNA &lt;= SND.NXT &lt;= SND.MAX &lt;= end of data (+FIN)), and the receive
     * buffer must end at RCV.NXT (less the FIN). A CLOSED engine dropped its buffers and is not
     * checked.
     */
    public String inconsistency() {
        if (state == TcpState.CLOSED) {
            return null;
        }
        if (sndUnaPos > sndNxtPos || sndNxtPos > sndMaxPos) {
            return "send positions out of order: SND.UNA " + sndUnaPos + ", SND.NXT " + sndNxtPos + ", SND.MAX " + sndMaxPos;
        }
        long endPos = writtenBytes + 1 + (finQueued ? 1 : 0);
        if (sndMaxPos > endPos) {
            return "sent beyond the written data: SND.MAX " + sndMaxPos + " > " + endPos + " (" + writtenBytes
                    + " bytes written" + (finQueued ? " + FIN" : "") + ")";
        }
        if (sendBufferStart != ackedBytes()) {
            return "send buffer starts at byte " + sendBufferStart + " but the peer acknowledged " + ackedBytes()
                    + " bytes (SND.UNA " + sndUnaPos + "): " + (sendBufferStart - ackedBytes()) + " bytes lost or duplicated";
        }
        long expectedReceived = rcvNxtPos <= 0 ? 0 : rcvNxtPos - 1 - (finReceived ? 1 : 0);
        if (receivedBytes != expectedReceived) {
            return "receive buffer ends at byte " + receivedBytes + " but RCV.NXT " + rcvNxtPos + " says "
                    + expectedReceived + (finReceived ? " (FIN received)" : "");
        }
        if (readBytes < 0 || readBytes > receivedBytes) {
            return "read " + readBytes + " bytes of " + receivedBytes + " received";
        }
        if (outOfOrderBytes < 0) {
            return "negative out-of-order bytes " + outOfOrderBytes;
        }
        return null;
    }
}
