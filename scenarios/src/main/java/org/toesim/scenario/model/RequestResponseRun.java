package org.toesim.scenario.model;

import org.toesim.scenario.result.LatencySamples;
import java.util.ArrayList;
import java.util.List;
import org.toesim.core.stats.Tally;
import org.toesim.core.random.RandomStreams;
import org.toesim.host.app.PayloadPattern;
import org.toesim.host.app.RequestResponseClient;
import org.toesim.host.app.ResponderServer;
import org.toesim.host.cpu.ApplicationWork;
import org.toesim.scenario.spec.RequestResponseWorkload;
import org.toesim.scenario.spec.VariationSpec;

/**
 * Request-response: one {@link ResponderServer} on {@code to} per server port ({@code port + j *
 * portStride}, on application core {@code j}) and, per connection {@code k}, a
 * {@link RequestResponseClient} on {@code from} connected to server {@code k mod serverPorts},
 * doing {@code requests} request/response rounds in sequence. Delivered bytes of a connection are the responses its client accepted plus the
 * requests the server answered on it (requests x request size).
 */
final class RequestResponseRun {
    private RequestResponseRun() {
    }

    /** The clients' latency tallies, for percentiles. */
    static List<Conn> start(RequestResponseWorkload w, HostNode from, HostNode to, int portStride,
                            RandomStreams streams, VariationSpec variation) {
        // tcp.realBytes: requests and responses are the patterns seeded from "<workload>.requests.content"
        // and "<workload>.responses.content" (every connection's streams start at offset 0)
        boolean real = w.tcp().realBytes();
        PayloadPattern req = real ? new PayloadPattern(streams.get(w.name() + ".requests.content").nextLong()) : null;
        PayloadPattern resp = real ? new PayloadPattern(streams.get(w.name() + ".responses.content").nextLong())
                : null;
        ResponderServer[] servers = new ResponderServer[w.serverPorts()];
        for (int j = 0; j < servers.length; j++) {
            servers[j] = new ResponderServer(to.sockets, to.appCore(j), w.port() + j * portStride,
                    (int) w.requestBytes(), w.responseBytes(), ApplicationWork.NONE, req, resp);
        }
        List<Conn> out = new ArrayList<>();
        for (int k = 0; k < w.connections(); k++) {
            String id = w.name() + ".c" + k;
            int j = k % servers.length;
            ResponderServer server = servers[j];
            int port = w.port() + j * portStride;
            RequestResponseClient c = new RequestResponseClient(id, from.sockets, from.appCore(k), w.requests(),
                    w.requestBytes(), (int) w.responseBytes(), w.thinkTimePs(), ApplicationWork.NONE, req, resp);
            Variation.after(from.stack.simulator(), Variation.connectionStart(variation, streams, w.name(), k), id,
                    () -> c.start(to.ip, port));
            out.add(new Track(id, w, c, server));
        }
        return out;
    }

    /** The latency of every request of connection {@code conn} (a {@link Track}). */
    static Tally.Report latency(Conn conn) {
        return conn instanceof Track t ? t.client.result().latencyPs() : null;
    }

    private record Track(String id, RequestResponseWorkload w, RequestResponseClient client,
                         ResponderServer server) implements Conn {
        @Override
        public LatencySamples latencySamples() {
            return new LatencySamples(id, "request", client.latencySamplesPs());
        }

        public long startPs() {
            return client.startPs();
        }

        public String contentMismatch() {
            if (client.mismatch() != null) {
                return "response: " + client.mismatch();
            }
            // the server checks the requests of all connections of the workload together
            return server.mismatch() == null ? null : "request: " + server.mismatch();
        }

        public String from() {
            return w.from();
        }

        public String to() {
            return w.to();
        }

        public long deliveredBytes() {
            long responses = client.socket() == null ? 0 : client.socket().acceptedBytes();
            return responses + client.completed() * w.requestBytes();
        }

        public long expectedBytes() {
            return (long) w.requests() * (w.requestBytes() + w.responseBytes());
        }

        public boolean done() {
            return client.finishedPs() >= 0;
        }

        public long lastDeliveryPs() {
            return client.finishedPs();
        }

        /** Both ends: the server retransmits the responses, the client the requests. */
        public long retransmits() {
            return Conn.retransmits(client.socket(), serverSocket());
        }

        public long cwndBytes() {
            return Conn.cwnd(client.socket());
        }

        public org.toesim.host.socket.Socket[] sockets() {
            return Conn.existing(client.socket(), serverSocket());
        }

        /** The server's end of this connection, once accepted (null before). */
        private org.toesim.host.socket.Socket serverSocket() {
            org.toesim.host.socket.Socket c = client.socket();
            return c == null ? null : server.socket(c.tuple().reversed());
        }
    }
}
