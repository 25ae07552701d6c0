package org.toesim.scenario.model;

import org.toesim.scenario.result.LatencySamples;
import org.toesim.core.random.RandomStreams;
import org.toesim.host.app.ResponderServer;
import org.toesim.host.app.ShortConnections;
import org.toesim.host.cpu.ApplicationWork;
import org.toesim.scenario.spec.ShortConnectionsWorkload;

/**
 * Many short connections: {@link ShortConnections} on {@code from} opens {@code count}
 * connections (fixed interval or Poisson arrivals, stream {@code <name>.arrivals}), each sends
 * {@code size} bytes to a {@link ResponderServer} on {@code to}, which answers with one byte
 * (the client's signal that the request arrived whole) before both close.
 *
 * <p>The applications do not expose the individual sockets, so the workload is one summary row
 * {@code <name>.all}: delivered bytes are those of completed requests; retransmits are not
 * measured (-1).
 */
final class ShortConnectionsRun {
    /** Bytes of the server's answer. */
    static final int RESPONSE_BYTES = 1;

    private ShortConnectionsRun() {
    }

    static Conn start(ShortConnectionsWorkload w, HostNode from, HostNode to, RandomStreams streams) {
        ResponderServer server = new ResponderServer(to.sockets, to.appCore(0), w.port(), (int) w.sizeBytes(),
                RESPONSE_BYTES, ApplicationWork.NONE);
        ShortConnections sc = new ShortConnections(w.name(), from.sockets, streams, from.appCore(0), w.count(),
                w.sizeBytes(), RESPONSE_BYTES, w.intervalPs(), w.poisson(), ApplicationWork.NONE);
        sc.start(to.ip, w.port());
        return new Track(w.name() + ".all", w, sc, server);
    }

    private record Track(String id, ShortConnectionsWorkload w, ShortConnections sc, ResponderServer server)
            implements Conn {
        @Override
        public LatencySamples latencySamples() {
            return new LatencySamples(id, "connection", sc.completionSamplesPs());
        }

        public String from() {
            return w.from();
        }

        public String to() {
            return w.to();
        }

        public long deliveredBytes() {
            return sc.completed() * w.sizeBytes();
        }

        public long expectedBytes() {
            return (long) w.count() * w.sizeBytes();
        }

        public boolean done() {
            // cheap test first: the client's result() builds a percentile report
            if (server.requestsServed() + server.connectionsClosed() == 0 && w.count() > 0) {
                return false;
            }
            if (server.requestsServed() < w.count() && server.connectionsAccepted() < w.count()) {
                return false;
            }
            // counters, not result(): the done poll runs every 10 us and a percentile report is O(count)
            return sc.completed() + sc.failed() == w.count();
        }

        public long startPs() {
            return sc.firstStartPs();
        }

        public long lastDeliveryPs() {
            return sc.lastCompletePs();
        }

        public long retransmits() {
            return -1;
        }

        public long cwndBytes() {
            return 0;
        }
    }

    /** Connections per second of a short-connections row, or NaN for another row. */
    static double connectionsPerSec(Conn c) {
        return c instanceof Track t ? t.sc.result().connectionsPerSec() : Double.NaN;
    }
}
