package org.toesim.host.stack;

/**
 * What the socket layer hears from a {@link HostConnection}. Called synchronously from inside
 * protocol processing, at the simulated instant it happens; implementations must not call back
 * into the connection's data methods synchronously (submit CPU work instead).
 */
public interface ConnectionListener {
    /** Does nothing. */
    ConnectionListener NONE = new ConnectionListener() {
    };

    /** The three-way handshake completed. */
    default void established(HostConnection c) {
    }

    /** {@code newBytes} more in-order bytes are readable. */
    default void readable(HostConnection c, long newBytes) {
    }

    /** {@code ackedBytes} of sent data were acknowledged: send space grew. */
    default void sendSpace(HostConnection c, long ackedBytes) {
    }

    /** The peer's FIN arrived in order. */
    default void peerClosed(HostConnection c) {
    }

    /** The connection was reset or gave up. */
    default void reset(HostConnection c, String reason) {
    }

    /** The connection reached CLOSED and left the demultiplexing table. */
    default void closed(HostConnection c) {
    }
}
