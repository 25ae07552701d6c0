package org.toesim.host.offload;

import java.util.Objects;

/**
 * The verdict of an {@link OffloadPolicy} on one connection, with the reason a reader of the
 * trace needs ("bytes 131072 >= 130000, srtt 42us <= 20ms, lifetime 3ms >= 1ms").
 *
 * @param offload whether to hand the connection to the adapter now
 * @param reason  human-readable justification, traced with the decision
 * @param settled the verdict is "stay" and cannot change for this connection (it depends on
 *                nothing that changes: the policy, the ports); the manager stops asking, so a
 *                host with many connections the policy keeps does no periodic work for them
 */
public record PolicyDecision(boolean offload, String reason, boolean settled) {
    public PolicyDecision {
        Objects.requireNonNull(reason, "reason");
        if (offload && settled) {
            throw new IllegalArgumentException("only a stay verdict can be settled: " + reason);
        }
    }

    /** A verdict that may change with the connection's facts. */
    public PolicyDecision(boolean offload, String reason) {
        this(offload, reason, false);
    }

    /** Hand it over, because {@code reason}. */
    public static PolicyDecision offload(String reason) {
        return new PolicyDecision(true, reason);
    }

    /** Keep it on the host, because {@code reason} (the policy may say otherwise later). */
    public static PolicyDecision stay(String reason) {
        return new PolicyDecision(false, reason);
    }

    /** Keep it on the host for good, because {@code reason} (nothing the policy looks at can change). */
    public static PolicyDecision stayForGood(String reason) {
        return new PolicyDecision(false, reason, true);
    }
}
