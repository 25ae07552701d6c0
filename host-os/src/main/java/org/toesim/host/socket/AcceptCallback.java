package org.toesim.host.socket;

/** A connection was accepted on a listening port (the accept call returned). */
@FunctionalInterface
public interface AcceptCallback {
    void accepted(Socket s);
}
