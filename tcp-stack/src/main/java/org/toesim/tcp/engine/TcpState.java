package org.toesim.tcp.engine;

/**
 * The eleven connection states of RFC 9293 §3.3.2.
 *
 * <pre>
 *  CLOSED ─open(passive)─▶ LISTEN ─rcv SYN─▶ SYN_RECEIVED ─rcv ACK of SYN─▶ ESTABLISHED
 *  CLOSED ─open(active)──▶ SYN_SENT ─rcv SYN,ACK─▶ ESTABLISHED   (rcv SYN only: SYN_RECEIVED)
 *  ESTABLISHED ─close─▶ FIN_WAIT_1 ─ACK of FIN─▶ FIN_WAIT_2 ─rcv FIN─▶ TIME_WAIT ─2MSL─▶ CLOSED
 *  FIN_WAIT_1 ─rcv FIN─▶ CLOSING ─ACK of FIN─▶ TIME_WAIT                 (simultaneous close)
 *  ESTABLISHED ─rcv FIN─▶ CLOSE_WAIT ─close─▶ LAST_ACK ─ACK of FIN─▶ CLOSED
 * </pre>
 */
public enum TcpState {
    CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING,
    LAST_ACK, TIME_WAIT;

    /** True once the three-way handshake has completed (RFC 9293 §3.3.2 "synchronized states"). */
    public boolean isSynchronized() {
        return ordinal() >= ESTABLISHED.ordinal();
    }

    /** True while the local side may still queue data to send (RFC 9293 §3.10.2). */
    public boolean canSend() {
        return this == ESTABLISHED || this == CLOSE_WAIT || this == SYN_SENT || this == SYN_RECEIVED;
    }

    /** True while data from the peer may still arrive (no FIN received yet). */
    public boolean canReceive() {
        return this == ESTABLISHED || this == FIN_WAIT_1 || this == FIN_WAIT_2;
    }
}
