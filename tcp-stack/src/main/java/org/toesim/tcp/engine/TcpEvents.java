package org.toesim.tcp.engine;

/**
 * What the owner of a connection (host socket layer, TOE) hears from it. All methods are called
 * synchronously from inside {@code input}, {@code poll} or an application call, at time
 * {@code nowPs}. Default methods do nothing.
 */
public interface TcpEvents {
    /** Does nothing. */
    TcpEvents NONE = new TcpEvents() {
    };

    /** The state changed (ESTABLISHED: connected; CLOSED: gone, see {@link #reset}). */
    default void stateChanged(TcpConnection c, TcpState from, TcpState to, long nowPs) {
    }

    /** {@code newBytes} in-order bytes became readable ({@link TcpConnection#readableBytes()}). */
    default void readable(TcpConnection c, long newBytes, long nowPs) {
    }

    /** The peer's FIN arrived in order: no more data will become readable. */
    default void peerClosed(TcpConnection c, long nowPs) {
    }

    /** {@code ackedBytes} sent data bytes were cumulatively acknowledged (send space freed). */
    default void acked(TcpConnection c, long ackedBytes, long nowPs) {
    }

    /** The connection was reset (RST received, too many retransmissions, keepalive failed). */
    default void reset(TcpConnection c, String reason, long nowPs) {
    }
}
