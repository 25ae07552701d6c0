package org.toesim.scenario.model;

import org.toesim.core.random.RandomStreams;
import org.toesim.host.app.BulkReceiver;
import org.toesim.host.app.PayloadPattern;
import org.toesim.host.app.PacedSender;
import org.toesim.host.cpu.ApplicationWork;
import org.toesim.scenario.spec.PacedStreamWorkload;

/**
 * A paced stream: a {@link PacedSender} on {@code from} writes {@code size / chunk} chunks at
 * the given rate to a {@link BulkReceiver} on {@code to}.
 */
final class PacedStreamRun {
    private PacedStreamRun() {
    }

    static Conn start(PacedStreamWorkload w, HostNode from, HostNode to, RandomStreams streams) {
        // tcp.realBytes: the stream is the pattern seeded from "<workload>.c0.content"
        PayloadPattern content = w.tcp().realBytes()
                ? new PayloadPattern(streams.get(w.name() + ".c0.content").nextLong()) : null;
        BulkReceiver rx = new BulkReceiver(to.sockets, to.appCore(0), w.port(), BulkRun.CHUNK_BYTES,
                ApplicationWork.NONE, content);
        PacedSender tx = new PacedSender(w.name(), from.sockets, from.appCore(0), w.rateBitsPerSec(),
                (int) w.chunkBytes(), w.sizeBytes() / w.chunkBytes(), ApplicationWork.NONE, content);
        long startPs = from.stack.simulator().now();
        tx.start(to.ip, w.port());
        return new Track(w.name() + ".c0", w, startPs, tx, rx);
    }

    private record Track(String id, PacedStreamWorkload w, long startPs, PacedSender tx, BulkReceiver rx)
            implements Conn {
        public String contentMismatch() {
            return rx.mismatch() == null ? null : rx.mismatch().toString();
        }

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

        public long lastDeliveryPs() {
            return rx.result().lastBytePs();
        }

        public long retransmits() {
            return Conn.retransmits(tx.socket(), rx.socket());
        }

        public long cwndBytes() {
            return Conn.cwnd(tx.socket());
        }

        public org.toesim.host.socket.Socket[] sockets() {
            return Conn.existing(tx.socket(), rx.socket());
        }
    }
}
