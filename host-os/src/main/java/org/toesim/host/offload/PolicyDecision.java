package org.toesim.host.offload;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The verdict of an {@link OffloadPolicy} on one connection, with the reason a reader of the
 * trace needs ("bytes 131072 >= 130000, srtt 42us <= 20ms, lifetime 3ms >= 1ms").
 *
 * <p>The reason may be given as a {@link Supplier}: it is built only when read (the manager reads
 * it only to trace the decision). The policy is asked at every check of every on-host connection
 * it may still move, and formatting byte counts and durations for each answer cost more than the
 * rest of the check.
 *
 * <p>{@code settled}: the verdict is "stay" and cannot change for this connection (it depends on
 * nothing that changes: the policy, the ports); the manager stops asking, so a host with many
 * connections the policy keeps does no periodic work for them.
 */
public final class PolicyDecision {
    private final boolean offload;
    private final boolean settled;
    private Supplier<String> reasonSupplier;
    private String reason;

    private PolicyDecision(boolean offload, String reason, Supplier<String> reasonSupplier, boolean settled) {
        if (offload && settled) {
            throw new IllegalArgumentException("only a stay verdict can be settled");
        }
        this.offload = offload;
        this.reason = reason;
        this.reasonSupplier = reasonSupplier;
        this.settled = settled;
    }

    /** A verdict that may change with the connection's facts. */
    public PolicyDecision(boolean offload, String reason) {
        this(offload, Objects.requireNonNull(reason, "reason"), null, false);
    }

    /** Hand it over, because {@code reason}. */
    public static PolicyDecision offload(String reason) {
        return new PolicyDecision(true, reason);
    }

    /** Keep it on the host, because {@code reason} (the policy may say otherwise later). */
    public static PolicyDecision stay(String reason) {
        return new PolicyDecision(false, reason);
    }

    /** Keep it on the host, for the reason {@code reason} builds if it is read (the policy may say otherwise later). */
    public static PolicyDecision stay(Supplier<String> reason) {
        return new PolicyDecision(false, null, Objects.requireNonNull(reason, "reason"), false);
    }

    /** Keep it on the host for good, because {@code reason} (nothing the policy looks at can change). */
    public static PolicyDecision stayForGood(String reason) {
        return new PolicyDecision(false, Objects.requireNonNull(reason, "reason"), null, true);
    }

    /** Whether to hand the connection to the adapter now. */
    public boolean offload() {
        return offload;
    }

    /** Human-readable justification, traced with the decision. */
    public String reason() {
        if (reason == null) {
            reason = Objects.requireNonNull(reasonSupplier.get(), "reason");
            reasonSupplier = null;
        }
        return reason;
    }

    /** Whether this is a stay that cannot change for the connection. */
    public boolean settled() {
        return settled;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyDecision d && d.offload == offload && d.settled == settled
                && d.reason().equals(reason());
    }

    @Override
    public int hashCode() {
        return Objects.hash(offload, settled, reason());
    }

    @Override
    public String toString() {
        return "PolicyDecision[offload=" + offload + ", reason=" + reason() + (settled ? ", settled" : "") + "]";
    }
}
