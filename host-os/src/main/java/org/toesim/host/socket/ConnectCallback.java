package org.toesim.host.socket;

/** Outcome of {@link SocketLayer#connect}. */
public interface ConnectCallback {
    /** The handshake completed. */
    void connected(Socket s);

    /** The connection attempt failed (reset, SYN retries exhausted). */
    default void failed(Socket s, String reason) {
        throw new IllegalStateException("connect from " + s + " failed: " + reason);
    }
}
