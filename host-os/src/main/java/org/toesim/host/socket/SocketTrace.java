package org.toesim.host.socket;

import org.toesim.core.trace.TraceCategory;
import org.toesim.core.trace.TraceRecord;
import org.toesim.tcp.segment.FourTuple;

/**
 * Socket calls and their returns (component {@code <host>.socket}), as messages between the
 * application's lifeline ({@code <host>.app}) and the socket's: a call is an arrow to the
 * socket, its return an arrow back. Calls are function calls in the model, so {@code sentPs}
 * is the record's time.
 */
public sealed interface SocketTrace extends TraceRecord {
    /** Sending lifeline. */
    String from();

    /** Receiving lifeline. */
    String to();

    /** When the call or return was made. */
    long sentPs();

    @Override
    default TraceCategory traceCategory() {
        return TraceCategory.SOCKET;
    }

    /** The connection is established: connect() returns, or accept() hands over the socket. */
    record Connected(String from, String to, long sentPs, FourTuple conn) implements SocketTrace {
    }

    /** send() of {@code lenBytes}. */
    record Send(String from, String to, long sentPs, FourTuple conn, long lenBytes) implements SocketTrace {
    }

    /** send() returned: {@code sentBytes} went into the socket (or to the adapter and were acknowledged). */
    record SendReturned(String from, String to, long sentPs, FourTuple conn, long sentBytes) implements SocketTrace {
    }

    /** recv() posted a buffer of {@code lenBytes}. */
    record Receive(String from, String to, long sentPs, FourTuple conn, long lenBytes) implements SocketTrace {
    }

    /** recv() returned {@code bytes} ({@code eof}: the peer closed and nothing more will come). */
    record ReceiveReturned(String from, String to, long sentPs, FourTuple conn, long bytes, boolean eof)
            implements SocketTrace {
    }

    /** close(). */
    record Close(String from, String to, long sentPs, FourTuple conn) implements SocketTrace {
    }
}
