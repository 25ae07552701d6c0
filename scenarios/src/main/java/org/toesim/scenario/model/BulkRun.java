package org.toesim.scenario.model;

import java.util.ArrayList;
import java.util.List;
import org.toesim.host.app.BulkReceiver;
import org.toesim.host.app.BulkSender;
import org.toesim.host.app.PayloadPattern;
import org.toesim.host.app.SharedListener;
import org.toesim.core.random.RandomStreams;
import org.toesim.host.cpu.ApplicationWork;
import org.toesim.host.socket.Socket;
import org.toesim.scenario.spec.BulkWorkload;
import org.toesim.scenario.spec.VariationSpec;

/**
 * A bulk workload: per connection {@code k}, a {@link BulkSender} on {@code from} sends (with
 * {@code tcp.realBytes}: real bytes of a {@link PayloadPattern}, checked by the receiver)
 * {@code size} bytes in 64 KiB send calls to a {@link BulkReceiver} on {@code to} at listening port
 * {@code port + (k mod serverPorts) * portStride}: with one port per connection (the default) the
 * receiver listens itself; with fewer, a {@link SharedListener} per port hands each accepted
 * connection to the receiver whose sender bound that client port. With
 * {@code variation.startJitter} each sender connects its own random offset after the workload
 * starts ({@link Variation#connectionStart}).
 */
final class BulkRun {
    static final int CHUNK_BYTES = 64 * 1024;
    /**
     * Send calls a bulk sender on a TOE host keeps outstanding (1 MiB of 64 KiB calls): an
     * adapter send returns only when the peer acknowledged it (zero copy), so the application
     * overlaps its calls, as TCP Chimney applications did; on the host stack a call returns once
     * copied into the socket buffer and one at a time keeps that buffer full.
     */
    static final int TOE_SEND_CALLS = 16;
    /**
     * Reads a bulk receiver on a TOE host keeps posted (512 KiB of 64 KiB MSG_WAITALL reads), so
     * the adapter places arriving data straight into application memory instead of holding it on
     * the card while the application consumes the previous read.
     */
    static final int TOE_RECEIVE_CALLS = 8;

    private BulkRun() {
    }

    static List<Conn> start(BulkWorkload w, HostNode from, HostNode to, int portStride, RandomStreams streams,
                            VariationSpec variation) {
        List<Conn> out = new ArrayList<>();
        boolean shared = w.serverPorts() < w.connections();
        SharedListener[] listeners = new SharedListener[shared ? w.serverPorts() : 0];
        for (int j = 0; j < listeners.length; j++) {
            listeners[j] = new SharedListener(to.sockets, w.port() + j * portStride);
        }
        int receives = w.receivesPosted() != BulkWorkload.BY_HOST ? w.receivesPosted()
                : to.toe != null ? TOE_RECEIVE_CALLS : 1;
        int sends = w.sendsInFlight() != BulkWorkload.BY_HOST ? w.sendsInFlight()
                : from.toe != null ? TOE_SEND_CALLS : 1;
        ApplicationWork txWork = work(w.name() + ".sender", w.senderCyclesPerByte());
        ApplicationWork rxWork = work(w.name() + ".receiver", w.receiverCyclesPerByte());
        for (int k = 0; k < w.connections(); k++) {
            int port = w.port() + (k % w.serverPorts()) * portStride;
            // tcp.realBytes: the content of connection k is the pattern seeded from stream "<workload>.c<k>.content"
            // (one draw: a fresh generator, not one cached per connection)
            PayloadPattern content = w.tcp().realBytes()
                    ? new PayloadPattern(streams.fresh(w.name() + ".c" + k + ".content").nextLong()) : null;
            BulkReceiver rx = shared
                    ? BulkReceiver.forSharedListener(to.sockets, to.appCore(k), to.sockets.stack().config().name()
                            + ".bulkrx." + w.name() + ".c" + k, w.ioBytes(), rxWork, content, receives)
                    : new BulkReceiver(to.sockets, to.appCore(k), port, w.ioBytes(), rxWork,
                            content, receives);
            BulkSender tx = new BulkSender(from.sockets, from.appCore(k), w.sizeBytes(), w.ioBytes(),
                    txWork, content, sends);
            SharedListener l = shared ? listeners[k % listeners.length] : null;
            Variation.after(from.stack.simulator(), Variation.connectionStart(variation, streams, w.name(), k),
                    w.name() + ".c" + k, () -> tx.start(to.ip, port, l == null ? s -> { }
                            : s -> l.expect(from.ip, s.tuple().localPort(), rx.core(), rx::accepted)));
            out.add(new Track(w.name() + ".c" + k, w, tx, rx));
        }
        return out;
    }

    private static ApplicationWork work(String name, double cyclesPerByte) {
        return cyclesPerByte == 0 ? ApplicationWork.NONE : ApplicationWork.ofCyclesPerByte(name, cyclesPerByte);
    }

    private record Track(String id, BulkWorkload w, BulkSender tx, BulkReceiver rx) implements Conn {
        public String from() {
            return w.from();
        }

        public String to() {
            return w.to();
        }

        public long deliveredBytes() {
            return rx.result().bytes();
        }

        public long expectedBytes() {
            return w.sizeBytes();
        }

        public boolean done() {
            return rx.result().eof();
        }

        public long startPs() {
            return tx.startPs();
        }

        public long lastDeliveryPs() {
            return rx.result().lastBytePs();
        }

        public long retransmits() {
            return Conn.retransmits(tx.socket(), rx.socket());
        }

        public String contentMismatch() {
            return rx.mismatch() == null ? null : rx.mismatch().toString();
        }

        public Socket[] sockets() {
            return Conn.existing(tx.socket(), rx.socket());
        }

        public long cwndBytes() {
            return Conn.cwnd(tx.socket());
        }
    }
}
