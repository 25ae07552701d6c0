package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A bulk transfer of {@code sizeBytes} (default 16MiB) from {@code from} to {@code to} on each of
 * {@code connections} parallel connections (default 1).
 */
public record BulkWorkload(String name, String from, String to, long startPs, int port, TcpSpec tcp,
        long sizeBytes, int connections) implements WorkloadSpec {
    public BulkWorkload {
        WorkloadSpec.checkCommon(name, from, to, startPs, port, tcp);
        Checks.atLeast("size", sizeBytes, 1);
        Checks.between("connections", connections, 1, 1_000_000);
    }

    @Override
    public String type() {
        return "bulk";
    }

    @Override
    public BulkWorkload withIdentity(String newName, int newPort) {
        return new BulkWorkload(newName, from, to, startPs, newPort, tcp, sizeBytes, connections);
    }

    @JsonCreator
    static BulkWorkload of(@JsonProperty("name") String name,
            @JsonProperty("from") String from,
            @JsonProperty("to") String to,
            @JsonProperty("start") @JsonDeserialize(using = Quantities.Duration.class) Long start,
            @JsonProperty("port") Integer port,
            @JsonProperty("tcp") TcpSpec tcp,
            @JsonProperty("size") @JsonDeserialize(using = Quantities.Size.class) Long size,
            @JsonProperty("connections") Integer connections) {
        return new BulkWorkload(name, from, to, Checks.or(start, 0L), Checks.or(port, 0), Checks.or(tcp, TcpSpec.DEFAULT),
                Checks.or(size, 16L << 20), Checks.or(connections, 1));
    }
}
