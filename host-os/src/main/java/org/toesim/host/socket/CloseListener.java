package org.toesim.host.socket;

/** The socket's connection reached CLOSED (after TIME_WAIT on the side that closed first). */
@FunctionalInterface
public interface CloseListener {
    void closed(Socket s, long nowPs);
}
