package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A paced stream: {@code sizeBytes} in total (default 16MiB), written by the application in
 * {@code chunkBytes} pieces (default 64KiB) at an average {@code rateBitsPerSec} (default 1Gbps).
 */
public record PacedStreamWorkload(String name, String from, String to, long startPs, int port, TcpSpec tcp,
        long rateBitsPerSec, long chunkBytes, long sizeBytes) implements WorkloadSpec {
    public PacedStreamWorkload {
        WorkloadSpec.checkCommon(name, from, to, startPs, port, tcp);
        Checks.positive("rate", rateBitsPerSec, "\"1Gbps\"");
        Checks.atLeast("chunk", chunkBytes, 1);
        Checks.atLeast("size", sizeBytes, 1);
    }

    @Override
    public String type() {
        return "pacedStream";
    }

    @Override
    public PacedStreamWorkload withIdentity(String newName, int newPort) {
        return new PacedStreamWorkload(newName, from, to, startPs, newPort, tcp, rateBitsPerSec, chunkBytes, sizeBytes);
    }

    @JsonCreator
    static PacedStreamWorkload of(@JsonProperty("name") String name,
            @JsonProperty("from") String from,
            @JsonProperty("to") String to,
            @JsonProperty("start") @JsonDeserialize(using = Quantities.Duration.class) Long start,
            @JsonProperty("port") Integer port,
            @JsonProperty("tcp") TcpSpec tcp,
            @JsonProperty("rate") @JsonDeserialize(using = Quantities.Rate.class) Long rate,
            @JsonProperty("chunk") @JsonDeserialize(using = Quantities.Size.class) Long chunk,
            @JsonProperty("size") @JsonDeserialize(using = Quantities.Size.class) Long size) {
        return new PacedStreamWorkload(name, from, to, Checks.or(start, 0L), Checks.or(port, 0), Checks.or(tcp, TcpSpec.DEFAULT),
                Checks.or(rate, 1_000_000_000L), Checks.or(chunk, 64L << 10), Checks.or(size, 16L << 20));
    }
}
