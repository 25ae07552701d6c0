package org.toesim.host.socket;

import org.toesim.tcp.segment.FourTuple;

/**
 * Where a connection accepted on a shared listening port goes: the core its socket runs on and
 * the callback the accept call returns to, chosen from the connection's four-tuple (a server
 * that hands each client to its own worker, as a load-test server does).
 */
@FunctionalInterface
public interface AcceptRoute {
    /** The accept of the connection {@code tuple} (its remote end is the client). */
    Accept route(FourTuple tuple);

    /** The accepted socket runs on {@code core}; {@code callback} gets it when the accept call returns. */
    record Accept(int core, AcceptCallback callback) {
    }
}
