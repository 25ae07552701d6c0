package org.toesim.host.offload;

import java.util.Objects;

/**
 * The verdict of an {@link OffloadPolicy} on one connection, with the reason a reader of the
 * trace needs ("bytes 131072 >= 130000, srtt 42us <= 20ms, lifetime 3ms >= 1ms").
 *
 * @param offload whether to hand the connection to the adapter now
 * @param reason  human-readable justification, traced with the decision
 */
public record PolicyDecision(boolean offload, String reason) {
    public PolicyDecision {
        Objects.requireNonNull(reason, "reason");
    }

    /** Hand it over, because {@code reason}. */
    public static PolicyDecision offload(String reason) {
        return new PolicyDecision(true, reason);
    }

    /** Keep it on the host, because {@code reason}. */
    public static PolicyDecision stay(String reason) {
        return new PolicyDecision(false, reason);
    }
}
