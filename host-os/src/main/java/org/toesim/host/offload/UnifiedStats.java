package org.toesim.host.offload;

import java.util.Objects;
import org.toesim.tcp.engine.ConnectionStats;
import org.toesim.tcp.segment.FourTuple;

/**
 * One connection's statistics whether it runs on the host or on the card (claim 12). The TCP
 * counters travel with the CCB, so they form one history across handoffs: on the host they come
 * from the host engine, on the card from the CCB of the last {@code QueryOffload} poll.
 *
 * @param tuple       the connection
 * @param state       where it stands in the handoff sequence
 * @param tcp         the engine's cumulative counters (host engine now, or card CCB as of {@code sampledAtPs});
 *                    null if nothing has been sampled yet
 * @param card        the adapter's per-connection counters from the last poll (ZERO if never polled)
 * @param sampledAtPs instant {@code tcp} was taken
 * @param handoffs    times the connection was installed on the card
 * @param flushes     times it came back
 */
public record UnifiedStats(FourTuple tuple, HandoffState state, ConnectionStats tcp,
                           org.toesim.nic.device.ConnectionStats card, long sampledAtPs, int handoffs,
                           int flushes) {
    public UnifiedStats {
        Objects.requireNonNull(tuple, "tuple");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(card, "card");
    }
}
