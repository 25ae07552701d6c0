package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A bulk transfer of {@code sizeBytes} (default 16MiB) from {@code from} to {@code to} on each of
 * {@code connections} parallel connections (default 1).
 *
 * @param ioBytes         bytes per application send and (MSG_WAITALL) receive call (default 64 KiB)
 * @param sendsInFlight   send calls the sender keeps outstanding; {@link #BY_HOST}: 16 on a TOE
 *                        host (an offloaded send returns only when acknowledged), 1 on a host stack
 * @param receivesPosted  receive calls the receiver keeps posted (its receive queue); {@link #BY_HOST}:
 *                        8 on a TOE host (somewhere for the card to place data), 1 on a host stack
 * @param serverPorts     listening ports the receiver spreads the connections over (connection
 *                        {@code k} goes to port index {@code k mod serverPorts}); default one per
 *                        connection. Fewer ports hold more connections: the client's ephemeral
 *                        ports (16,384) limit connections per destination port, not per host
 * @param senderCyclesPerByte   application CPU work per byte the sending application sends
 *                        (default 0: a pure source), LAWS's application ratio
 * @param receiverCyclesPerByte application CPU work per byte the receiving application reads
 *                        (default 0: a pure sink); a receiver that works on each read before
 *                        posting the next leaves time with no buffer posted, which is when a
 *                        TOE's indications matter
 */
public record BulkWorkload(String name, String from, String to, long startPs, int port, TcpSpec tcp,
        long sizeBytes, int connections, int ioBytes, int sendsInFlight, int receivesPosted, int serverPorts,
        double senderCyclesPerByte, double receiverCyclesPerByte)
        implements WorkloadSpec {
    /** {@code sendsInFlight} / {@code receivesPosted} not given: chosen by the host's adapter. */
    public static final int BY_HOST = 0;
    /** Default bytes per call. */
    public static final int DEFAULT_IO_BYTES = 64 * 1024;

    public BulkWorkload {
        WorkloadSpec.checkCommon(name, from, to, startPs, port, tcp);
        Checks.atLeast("size", sizeBytes, 1);
        Checks.between("connections", connections, 1, 1_000_000);
        Checks.between("ioSize", ioBytes, 1024, 64 << 20);
        if (sendsInFlight != BY_HOST) {
            Checks.between("sendsInFlight", sendsInFlight, 1, 1024);
        }
        if (receivesPosted != BY_HOST) {
            Checks.between("receivesPosted", receivesPosted, 1, 1024);
        }
        Checks.between("serverPorts", serverPorts, 1, connections);
        for (String f : new String[] {"senderCyclesPerByte", "receiverCyclesPerByte"}) {
            double v = f.startsWith("s") ? senderCyclesPerByte : receiverCyclesPerByte;
            if (!(v >= 0) || v > 1e6) {
                throw new FieldException(f, v + " is out of range", "a number from 0 to 1000000");
            }
        }
    }

    @Override
    public String type() {
        return "bulk";
    }

    @Override
    public BulkWorkload withIdentity(String newName, int newPort) {
        return new BulkWorkload(newName, from, to, startPs, newPort, tcp, sizeBytes, connections, ioBytes,
                sendsInFlight, receivesPosted, serverPorts, senderCyclesPerByte,
                receiverCyclesPerByte);
    }

    @JsonCreator
    static BulkWorkload of(@JsonProperty("name") String name,
            @JsonProperty("from") String from,
            @JsonProperty("to") String to,
            @JsonProperty("start") @JsonDeserialize(using = Quantities.Duration.class) Long start,
            @JsonProperty("port") Integer port,
            @JsonProperty("tcp") TcpSpec tcp,
            @JsonProperty("size") @JsonDeserialize(using = Quantities.Size.class) Long size,
            @JsonProperty("connections") Integer connections,
            @JsonProperty("ioSize") @JsonDeserialize(using = Quantities.Size.class) Long ioSize,
            @JsonProperty("sendsInFlight") Integer sendsInFlight,
            @JsonProperty("receivesPosted") Integer receivesPosted,
            @JsonProperty("serverPorts") Integer serverPorts,
            @JsonProperty("senderCyclesPerByte") Double senderCyclesPerByte,
            @JsonProperty("receiverCyclesPerByte") Double receiverCyclesPerByte) {
        long io = Checks.between("ioSize", Checks.or(ioSize, (long) DEFAULT_IO_BYTES), 1024, 64 << 20);
        // given explicitly, 0 is out of range (it is not "choose by host")
        if (sendsInFlight != null) {
            Checks.between("sendsInFlight", sendsInFlight, 1, 1024);
        }
        if (receivesPosted != null) {
            Checks.between("receivesPosted", receivesPosted, 1, 1024);
        }
        int n = Checks.or(connections, 1);
        return new BulkWorkload(name, from, to, Checks.or(start, 0L), Checks.or(port, 0), Checks.or(tcp, TcpSpec.DEFAULT),
                Checks.or(size, 16L << 20), n, (int) io, Checks.or(sendsInFlight, BY_HOST),
                Checks.or(receivesPosted, BY_HOST), Checks.or(serverPorts, n), Checks.or(senderCyclesPerByte, 0.0),
                Checks.or(receiverCyclesPerByte, 0.0));
    }
}
