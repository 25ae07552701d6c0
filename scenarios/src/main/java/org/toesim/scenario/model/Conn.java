package org.toesim.scenario.model;

import org.toesim.host.socket.Socket;
import org.toesim.host.socket.SocketStats;
import org.toesim.scenario.result.LatencySamples;

/**
 * One row of the summary's connections: a TCP connection of a workload (for short
 * connections, all of a workload's connections together). Read-only views over the
 * applications and sockets; values are totals since the start of the run.
 */
interface Conn {
    String id();

    String from();

    String to();

    /** Payload bytes the receiving application(s) accepted so far. */
    long deliveredBytes();

    /** Payload bytes the workload delivers when complete. */
    long expectedBytes();

    /** Whether this connection's part of the workload is finished. */
    boolean done();

    /** When the connection was opened (connect call), or -1 before. */
    long startPs();

    /** When the last byte was delivered, or -1 before. */
    long lastDeliveryPs();

    /** Retransmitted segments, both directions; -1 when not measured. */
    long retransmits();

    /** Congestion window of the data sender (0 before the connection exists). */
    long cwndBytes();

    /**
     * Smoothed RTT of the row's first socket (the data sender of bulk and paced rows, the client
     * of request-response), 0 before a sample or without sockets.
     */
    default long srttPs() {
        Socket[] s = sockets();
        return s.length == 0 ? 0 : s[0].stats().srttPs();
    }

    /** The first received byte that differs from what was sent, described; null if none or not checked. */
    default String contentMismatch() {
        return null;
    }

    /** Every latency this row measured (requests, or short connections), or null if it measures none. */
    default LatencySamples latencySamples() {
        return null;
    }

    /** Data segments both ends received with CE (RFC 3168 §5), over the sockets that exist. */
    default long ceReceived() {
        long n = 0;
        for (Socket s : sockets()) {
            n += s.stats().ceReceived();
        }
        return n;
    }

    /** Window reductions on ECN-Echo at both ends (RFC 3168 §6.1.2), over the sockets that exist. */
    default long ecnReductions() {
        long n = 0;
        for (Socket s : sockets()) {
            n += s.stats().ecnReductions();
        }
        return n;
    }

    /** The sockets of this row that exist (for per-connection offload figures); none by default. */
    default Socket[] sockets() {
        return new Socket[0];
    }

    /** Statistics of a socket, or null if it does not exist (yet). */
    static SocketStats stats(Socket s) {
        return s == null ? null : s.stats();
    }

    /** The non-null ones of {@code a} and {@code b}. */
    static Socket[] existing(Socket a, Socket b) {
        return a == null ? (b == null ? new Socket[0] : new Socket[] {b})
                : b == null ? new Socket[] {a} : new Socket[] {a, b};
    }

    /** Sum of retransmits of the sockets that exist. */
    static long retransmits(Socket a, Socket b) {
        long n = 0;
        for (Socket s : new Socket[] {a, b}) {
            if (s != null) {
                n += s.stats().retransmits();
            }
        }
        return n;
    }

    /** cwnd of {@code s}, 0 if it does not exist. */
    static long cwnd(Socket s) {
        return s == null ? 0 : s.stats().cwndBytes();
    }
}
