package org.toesim.host.socket;

/** Completion of a send call: all {@code lenBytes} are in the socket (the call returned). */
@FunctionalInterface
public interface SendCallback {
    void sent(Socket s, long lenBytes);
}
