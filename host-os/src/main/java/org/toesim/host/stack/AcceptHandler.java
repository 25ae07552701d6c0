package org.toesim.host.stack;

/** Told about each passively opened connection once its handshake completes. */
@FunctionalInterface
public interface AcceptHandler {
    void accepted(HostConnection c);
}
