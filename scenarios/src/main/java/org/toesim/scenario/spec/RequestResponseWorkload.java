package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Request-response (RPC) traffic: on each of {@code connections} (default 1) connections,
 * {@code from} sends a {@code requestBytes} request (default 128B), {@code to} answers with
 * {@code responseBytes} (default 16KiB), {@code requests} times (default 1000), with
 * {@code thinkTimePs} between an answer and the next request (default 0). The server listens on
 * {@code serverPorts} ports (default 1; connection {@code k} goes to port index
 * {@code k mod serverPorts}): one destination port holds at most as many connections as the
 * client has ephemeral ports (16,384).
 */
public record RequestResponseWorkload(String name, String from, String to, long startPs, int port, TcpSpec tcp,
        long requestBytes, long responseBytes, int requests, long thinkTimePs, int connections, int serverPorts)
        implements WorkloadSpec {
    public RequestResponseWorkload {
        WorkloadSpec.checkCommon(name, from, to, startPs, port, tcp);
        Checks.atLeast("request", requestBytes, 1);
        Checks.atLeast("response", responseBytes, 1);
        Checks.between("requests", requests, 1, Integer.MAX_VALUE);
        Checks.between("connections", connections, 1, 1_000_000);
        Checks.between("serverPorts", serverPorts, 1, connections);
    }

    @Override
    public String type() {
        return "requestResponse";
    }

    @Override
    public RequestResponseWorkload withIdentity(String newName, int newPort) {
        return new RequestResponseWorkload(newName, from, to, startPs, newPort, tcp, requestBytes, responseBytes, requests, thinkTimePs, connections, serverPorts);
    }

    @JsonCreator
    static RequestResponseWorkload of(@JsonProperty("name") String name,
            @JsonProperty("from") String from,
            @JsonProperty("to") String to,
            @JsonProperty("start") @JsonDeserialize(using = Quantities.Duration.class) Long start,
            @JsonProperty("port") Integer port,
            @JsonProperty("tcp") TcpSpec tcp,
            @JsonProperty("request") @JsonDeserialize(using = Quantities.Size.class) Long request,
            @JsonProperty("response") @JsonDeserialize(using = Quantities.Size.class) Long response,
            @JsonProperty("requests") Integer requests,
            @JsonProperty("thinkTime") @JsonDeserialize(using = Quantities.Duration.class) Long thinkTime,
            @JsonProperty("connections") Integer connections,
            @JsonProperty("serverPorts") Integer serverPorts) {
        return new RequestResponseWorkload(name, from, to, Checks.or(start, 0L), Checks.or(port, 0), Checks.or(tcp, TcpSpec.DEFAULT),
                Checks.or(request, 128L), Checks.or(response, 16L << 10), Checks.or(requests, 1000),
                Checks.or(thinkTime, 0L), Checks.or(connections, 1), Checks.or(serverPorts, 1));
    }
}
