package org.toesim.host.socket;

/** Outcome of {@link SocketLayer#connect}. */
public interface ConnectCallback {
    /**
     * The connect call bound a local port and sent the SYN: {@code s.connection().tuple()} is
     * known, before the peer can accept.
     */
    default void attached(Socket s) {
    }

    /** The handshake completed. */
    void connected(Socket s);

    /** The connection attempt failed (reset, SYN retries exhausted). */
    default void failed(Socket s, String reason) {
        throw new IllegalStateException("connect from " + s + " failed: " + reason);
    }
}
