package org.toesim.tcp.engine;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.trace.TraceSink;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.harness.ChannelConfig;
import org.toesim.tcp.harness.LossyChannel;
import org.toesim.tcp.segment.EcnCodepoint;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;

/**
 * Two engines connected by two {@link LossyChannel}s on a sim-core {@link Simulator}: the client
 * writes a byte array (real bytes) and closes; the server reads everything and closes when the
 * client's FIN arrives. Every emitted segment is logged with its time, so two runs can be
 * compared segment by segment.
 *
 * <pre>
 *   client ──seg──▶ channel "ab" ──▶ server
 *   client ◀──seg── channel "ba" ◀── server
 *   each side: one reusable wake event at max(now, nextWakeupPs())
 * </pre>
 */
final class TcpPair {
    static final int CLIENT_IP = 0x0A000001;
    static final int SERVER_IP = 0x0A000002;
    /**
     * The kernel's livelock guard for a pair: two engines never legitimately run this many events
     * at one instant (a window of segments arriving together is a few thousand), so an engine
     * that keeps asking to be woken "now" fails its test in a fraction of a second, naming the
     * side, instead of spinning through the default ten million.
     */
    static final long MAX_EVENTS_PER_INSTANT = 100_000;

    /** One emitted segment with the ECN codepoint the engine gave its IP header. */
    record Sent(long timePs, String from, Segment segment, int ecn) {
    }

    /** A segment on a channel, with its IP ECN field. */
    record Wire(Segment segment, int ecn) {
    }

    final Simulator sim = new Simulator();
    final List<Sent> log = new ArrayList<>();
    final Side client;
    final Side server;
    /** Draws for CE marking of the client's ECT segments ({@link #markCe}). */
    private final org.apache.commons.math3.random.RandomGenerator markStream;
    private double ceProbability;

    /**
     * From now on a queue between client and server marks each ECT segment of the client CE with
     * probability {@code p} (its own named stream, so two runs of one seed mark the same segments).
     */
    void markCe(double p) {
        ceProbability = p;
    }

    TcpPair(long seed, ChannelConfig link, TcpConfig clientConfig, TcpConfig serverConfig, byte[] data,
            int clientIss, int serverIss) {
        RandomStreams streams = new RandomStreams(seed);
        FourTuple ct = new FourTuple(CLIENT_IP, 40000, SERVER_IP, 80);
        client = new Side("client", ct, clientConfig, data);
        server = new Side("server", ct.reversed(), serverConfig, new byte[0]);
        LossyChannel<Wire> ab = new LossyChannel<>(sim, streams, "link.ab", link, server::onSegment);
        LossyChannel<Wire> ba = new LossyChannel<>(sim, streams, "link.ba", link, client::onSegment);
        this.markStream = streams.get("mark.ab");
        client.channel = ab;
        server.channel = ba;
        server.conn.listen(serverIss, 0);
        client.conn.connect(clientIss, 0);
        client.kick();
        sim.setListener(checker());
        sim.setMaxEventsPerInstant(MAX_EVENTS_PER_INSTANT);
    }

    /**
     * Every test of a pair runs with the engines' byte accounting checked after each event: each
     * engine consistent, the application's counts equal to the engine's, and neither side ahead
     * of what the other sent.
     */
    private org.toesim.core.check.InvariantChecker checker() {
        org.toesim.core.check.InvariantChecker checker = new org.toesim.core.check.InvariantChecker();
        checker.add(new org.toesim.core.check.Invariant() {
            @Override
            public String name() {
                return "byteConservation";
            }

            @Override
            public org.toesim.core.check.InvariantViolation check(long nowPs) {
                String p = problem(client, server);
                if (p == null) {
                    p = problem(server, client);
                }
                return p == null ? null : new org.toesim.core.check.InvariantViolation(name(), "pair", nowPs, p);
            }
        });
        return checker;
    }

    private static String problem(Side side, Side peer) {
        StreamAccounting a = side.conn.accounting();
        StreamAccounting b = peer.conn.accounting();
        String p = a.inconsistency();
        if (p != null) {
            return side.name + ": " + p;
        }
        if (a.state() == TcpState.CLOSED || b.state() == TcpState.CLOSED) {
            return null;
        }
        if (side.written != a.writtenBytes()) {
            return side.name + " wrote " + side.written + " bytes, engine holds " + a.writtenBytes();
        }
        if (side.received.size() != a.readBytes()) {
            return side.name + " read " + side.received.size() + " bytes, engine says " + a.readBytes();
        }
        if (b.receivedBytes() > a.sentBytes() || a.ackedBytes() > b.receivedBytes()) {
            return side.name + " sent " + a.sentBytes() + " (acked " + a.ackedBytes() + "), " + peer.name + " received "
                    + b.receivedBytes();
        }
        return null;
    }

    /** Replaces {@code side}'s connection by one restored from its own snapshot, at {@code atPs}. */
    void swapAt(Side side, long atPs, boolean viaSnapshot) {
        sim.schedule(atPs - sim.now(), "swap", side.name, () -> {
            long now = sim.now();
            ControlBlock ccb = side.conn.snapshot(now);
            side.swaps++;
            if (viaSnapshot) {
                side.conn = TcpConnection.restore(ccb, side.config, now, side, TraceSink.NONE, side.name);
            }
        });
    }

    void run(long limitPs) {
        sim.runUntil(limitPs);
    }

    /** One endpoint and its application. */
    final class Side implements TcpEvents {
        final String name;
        final TcpConfig config;
        final byte[] toSend;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final Event wake;
        TcpConnection conn;
        LossyChannel<Wire> channel;
        int written;
        boolean closed;
        boolean reset;
        int swaps;
        private final SegmentSink sink;

        Side(String name, FourTuple tuple, TcpConfig config, byte[] toSend) {
            this.name = name;
            this.config = config;
            this.toSend = toSend;
            this.conn = new TcpConnection(tuple, config, this, TraceSink.NONE, name);
            this.wake = sim.newEvent("tcp-wake", name, Priority.TIMER, this::onWake);
            this.sink = new SegmentSink() {
                @Override
                public void send(FourTuple t, Segment seg) {
                    send(t, seg, EcnCodepoint.NOT_ECT);
                }

                @Override
                public void send(FourTuple t, Segment seg, int ecn) {
                    log.add(new Sent(sim.now(), name, seg, ecn));
                    int onWire = ecn;
                    if (ecn == EcnCodepoint.ECT_0 && name.equals("client") && ceProbability > 0
                            && markStream.nextDouble() < ceProbability) {
                        onWire = EcnCodepoint.CE;
                    }
                    channel.send(new Wire(seg, onWire), 20 + seg.headerLenBytes() + seg.payloadLenBytes());
                }
            };
        }

        void onSegment(Wire w) {
            conn.input(w.segment(), w.ecn(), sim.now(), sink);
            app();
            kick();
        }

        void onWake() {
            conn.poll(sim.now(), sink);
            requireNothingDueNow("poll");
            app();
            kick();
        }

        private void app() {
            TcpState s = conn.state();
            if (s == TcpState.CLOSED || s == TcpState.LISTEN || s == TcpState.SYN_SENT) {
                return;
            }
            if (s.canSend() && s != TcpState.SYN_RECEIVED && !closed) {
                if (written < toSend.length) {
                    written += conn.send(toSend, written, toSend.length - written, sim.now());
                }
            }
            for (Payload p : conn.read(Long.MAX_VALUE, sim.now())) {
                received.writeBytes(p.toByteArray());
            }
            boolean clientDone = toSend.length > 0 && written == toSend.length;
            boolean serverDone = toSend.length == 0 && conn.isReadEof();
            if (!closed && (clientDone || serverDone) && (s == TcpState.ESTABLISHED || s == TcpState.CLOSE_WAIT)) {
                conn.close(sim.now());
                closed = true;
            }
        }

        /**
         * After a poll the engine has emitted all that was due and fired every timer due: its next
         * wake-up lies in the future, else the caller would spin at one instant. (Not so after
         * input: a timer may fall due at the very instant a segment arrives, and the poll follows.)
         */
        private void requireNothingDueNow(String call) {
            long w = conn.nextWakeupPs();
            if (w <= sim.now()) {
                throw new AssertionError(name + ": output still due after " + call + " at " + sim.now() + " ps: " + conn);
            }
        }

        void kick() {
            long w = conn.nextWakeupPs();
            if (w == Long.MAX_VALUE) {
                sim.cancel(wake);
            } else {
                sim.scheduleAt(wake, Math.max(sim.now(), w));
            }
        }

        @Override
        public void reset(TcpConnection c, String reason, long nowPs) {
            reset = true;
        }
    }
}
