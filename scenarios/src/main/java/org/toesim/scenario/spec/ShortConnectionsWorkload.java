package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Many short connections: {@code count} connections (default 100), each opened, used to send
 * {@code sizeBytes} (default 64KiB) and closed; one opens every {@code intervalPs} (default
 * 100us), or with exponential gaps of that mean when {@code poisson} is true (stream
 * {@code "<name>.arrivals"}).
 */
public record ShortConnectionsWorkload(String name, String from, String to, long startPs, int port, TcpSpec tcp,
        int count, long sizeBytes, long intervalPs, boolean poisson) implements WorkloadSpec {
    public ShortConnectionsWorkload {
        WorkloadSpec.checkCommon(name, from, to, startPs, port, tcp);
        Checks.between("count", count, 1, Integer.MAX_VALUE);
        Checks.atLeast("size", sizeBytes, 1);
        Checks.atLeast("interval", intervalPs, 0);
    }

    @Override
    public String type() {
        return "shortConnections";
    }

    @Override
    public ShortConnectionsWorkload withIdentity(String newName, int newPort) {
        return new ShortConnectionsWorkload(newName, from, to, startPs, newPort, tcp, count, sizeBytes, intervalPs, poisson);
    }

    @JsonCreator
    static ShortConnectionsWorkload of(@JsonProperty("name") String name,
            @JsonProperty("from") String from,
            @JsonProperty("to") String to,
            @JsonProperty("start") @JsonDeserialize(using = Quantities.Duration.class) Long start,
            @JsonProperty("port") Integer port,
            @JsonProperty("tcp") TcpSpec tcp,
            @JsonProperty("count") Integer count,
            @JsonProperty("size") @JsonDeserialize(using = Quantities.Size.class) Long size,
            @JsonProperty("interval") @JsonDeserialize(using = Quantities.Duration.class) Long interval,
            @JsonProperty("poisson") Boolean poisson) {
        return new ShortConnectionsWorkload(name, from, to, Checks.or(start, 0L), Checks.or(port, 0), Checks.or(tcp, TcpSpec.DEFAULT),
                Checks.or(count, 100), Checks.or(size, 64L << 10), Checks.or(interval, 100_000_000L),
                Checks.or(poisson, false));
    }
}
