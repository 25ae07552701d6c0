package org.toesim.tcp.engine;

import java.util.Objects;
import java.util.function.IntSupplier;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * A passive-open endpoint (RFC 9293 §3.10.7.2, state LISTEN) on one local address and port.
 * Each acceptable SYN spawns a {@link TcpConnection} in SYN_RECEIVED that has already queued
 * its SYN-ACK; the caller adds it to its demultiplexing table and polls it.
 *
 * <pre>
 *   SYN from r:p ─▶ factory.create(tuple) ─▶ conn.listen(isn) ─▶ conn.input(SYN) ─▶ SYN-ACK
 *   RST          ─▶ ignored
 *   ACK          ─▶ RST &lt;SEQ=SEG.ACK&gt;
 * </pre>
 */
public final class TcpListener {
    /** Makes the connection object for a new tuple (the caller chooses events and trace sink). */
    @FunctionalInterface
    public interface ConnectionFactory {
        TcpConnection create(FourTuple tuple);
    }

    private final int localIp;
    private final int localPort;
    private final IntSupplier isnSource;
    private final ConnectionFactory factory;

    /**
     * @param isnSource initial sequence numbers for accepted connections (the caller's own
     *                  deterministic draw; RFC 9293 §3.4.1 / RFC 6528 is the caller's policy)
     */
    public TcpListener(int localIp, int localPort, IntSupplier isnSource, ConnectionFactory factory) {
        this.localIp = localIp;
        this.localPort = localPort;
        this.isnSource = Objects.requireNonNull(isnSource, "isnSource");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    public int localPort() {
        return localPort;
    }

    /**
     * Handles a segment from {@code remoteIp} that matched no connection. Returns the new
     * connection for a SYN (its SYN-ACK already went to {@code out}), else null.
     */
    public TcpConnection input(int remoteIp, Segment seg, long nowPs, SegmentSink out) {
        FourTuple tuple = new FourTuple(localIp, localPort, remoteIp, seg.srcPort());
        if (seg.has(TcpFlags.RST)) {
            return null;
        }
        if (seg.has(TcpFlags.ACK) || !seg.has(TcpFlags.SYN)) {
            Segment rst = seg.has(TcpFlags.ACK) ? TcpResets.replyTo(seg) : null;
            if (rst != null) {
                out.send(tuple, rst);
            }
            return null;
        }
        TcpConnection c = factory.create(tuple);
        c.listen(isnSource.getAsInt(), nowPs);
        c.input(seg, nowPs, out);
        return c;
    }
}
