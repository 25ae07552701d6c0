package org.toesim.host.socket;

/**
 * Completion of a posted receive buffer.
 *
 * @see Socket#receive(AppBuffer, boolean, ReceiveCallback)
 */
@FunctionalInterface
public interface ReceiveCallback {
    /**
     * @param buf         the buffer that was posted
     * @param bytesPlaced bytes placed at its start
     * @param eof         the peer closed (or the connection was reset) and no more data will come
     */
    void received(Socket s, AppBuffer buf, long bytesPlaced, boolean eof);
}
