package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Traffic between two hosts. {@code from} is the side that opens the connections (and, for
 * bulk and paced streams, sends the data); {@code to} listens on {@code port}. File form:
 * {@code {"type": "bulk", "from": "a", "to": "b", "size": "64MiB"}}.
 *
 * <p>Unnamed workloads are called {@code w0, w1, ...} by position; port 0 means
 * {@code 5001 + position}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = BulkWorkload.class, name = "bulk"),
    @JsonSubTypes.Type(value = RequestResponseWorkload.class, name = "requestResponse"),
    @JsonSubTypes.Type(value = ShortConnectionsWorkload.class, name = "shortConnections"),
    @JsonSubTypes.Type(value = PacedStreamWorkload.class, name = "pacedStream")
})
public sealed interface WorkloadSpec
        permits BulkWorkload, RequestResponseWorkload, ShortConnectionsWorkload, PacedStreamWorkload {
    /** The type name used in files. */
    String type();

    /** Unique workload name. */
    String name();

    /** Host that opens the connections. */
    String from();

    /** Host that accepts them. */
    String to();

    /** When the workload starts, in simulated picoseconds. */
    long startPs();

    /** Listening port on {@code to}. */
    int port();

    /** TCP options for its connections. */
    TcpSpec tcp();

    /** A copy with the given name and port (used to fill in defaults by position). */
    WorkloadSpec withIdentity(String name, int port);

    /** Common checks of the shared fields. */
    static void checkCommon(String name, String from, String to, long startPs, int port, TcpSpec tcp) {
        if (name != null) {
            Checks.name("name", name);
        }
        Checks.name("from", from);
        Checks.name("to", to);
        if (from.equals(to)) {
            throw new FieldException("to", "is the same host as 'from' ('" + to + "')", "a different host");
        }
        Checks.atLeast("start", startPs, 0);
        Checks.between("port", port, 0, 65_535);
        if (tcp == null) {
            throw new FieldException("tcp", "missing", "an object");
        }
    }
}
