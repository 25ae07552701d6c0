package org.toesim.host.offload;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.toesim.core.units.Units;

/**
 * Decides whether a connection is worth handing to the adapter (claim 7): a strategy over the
 * {@link ConnectionFacts} the host can observe. The {@link OffloadManager} asks it whenever the
 * facts of an on-host connection change (established, data crossed the stack, a periodic
 * check); each answer is traced with its reason. A connection that is not ESTABLISHED is never
 * offloaded whatever the policy says (the manager checks that first).
 *
 * <p>Implementations are immutable. The manager asks at checkpoints (establishment, every
 * {@code OffloadConfig.checkIntervalPs} while the connection is on the host), not per segment,
 * so a verdict may build its reason string; a "stay" answered at every check builds it lazily
 * ({@link PolicyDecision#stay(java.util.function.Supplier)}).
 */
public interface OffloadPolicy {
    /** The verdict for {@code facts}. */
    PolicyDecision decide(ConnectionFacts facts);

    /** Short name for traces and reports ("never", "afterBytes", ...). */
    String name();

    /** Keeps every connection on the host (the plain-NIC baseline). */
    record Never() implements OffloadPolicy {
        private static final PolicyDecision STAY = PolicyDecision.stayForGood("policy never offloads");

        @Override
        public PolicyDecision decide(ConnectionFacts facts) {
            return STAY;
        }

        @Override
        public String name() {
            return "never";
        }
    }

    /** Offloads every connection as soon as it is established. */
    record Always() implements OffloadPolicy {
        private static final PolicyDecision GO = PolicyDecision.offload("policy offloads every established connection");

        @Override
        public PolicyDecision decide(ConnectionFacts facts) {
            return GO;
        }

        @Override
        public String name() {
            return "always";
        }
    }

    /** Offloads once {@code thresholdBytes} of payload have crossed the host stack. */
    record AfterBytes(long thresholdBytes) implements OffloadPolicy {
        public AfterBytes {
            if (thresholdBytes < 0) {
                throw new IllegalArgumentException("thresholdBytes must be >= 0, got " + thresholdBytes);
            }
        }

        @Override
        public PolicyDecision decide(ConnectionFacts f) {
            return f.payloadBytesSeen() >= thresholdBytes
                    ? PolicyDecision.offload("bytes seen " + f.payloadBytesSeen() + " >= " + thresholdBytes)
                    : PolicyDecision.stay(() -> "bytes seen " + f.payloadBytesSeen() + " < " + thresholdBytes);
        }

        @Override
        public String name() {
            return "afterBytes";
        }
    }

    /** Offloads once the connection has been established for {@code thresholdPs}. */
    record AfterTime(long thresholdPs) implements OffloadPolicy {
        public AfterTime {
            if (thresholdPs < 0) {
                throw new IllegalArgumentException("thresholdPs must be >= 0, got " + thresholdPs);
            }
        }

        @Override
        public PolicyDecision decide(ConnectionFacts f) {
            if (f.lifetimePs() < thresholdPs) {
                return PolicyDecision.stay(() -> "lifetime " + Units.formatDuration(f.lifetimePs()) + " vs "
                        + Units.formatDuration(thresholdPs));
            }
            return PolicyDecision.offload("lifetime " + Units.formatDuration(f.lifetimePs()) + " vs "
                    + Units.formatDuration(thresholdPs));
        }

        @Override
        public String name() {
            return "afterTime";
        }
    }

    /** Offloads connections whose local or remote port is in {@code ports}. */
    record Ports(Set<Integer> ports) implements OffloadPolicy {
        public Ports {
            TreeSet<Integer> copy = new TreeSet<>(ports);
            for (int p : copy) {
                if (p < 1 || p > 65_535) {
                    throw new IllegalArgumentException("port " + p + " outside [1, 65535]");
                }
            }
            ports = java.util.Collections.unmodifiableSet(copy);
        }

        /** The policy for the listed ports. */
        public static Ports of(List<Integer> ports) {
            return new Ports(new TreeSet<>(ports));
        }

        @Override
        public PolicyDecision decide(ConnectionFacts f) {
            if (ports.contains(f.localPort())) {
                return PolicyDecision.offload("local port " + f.localPort() + " listed");
            }
            if (ports.contains(f.remotePort())) {
                return PolicyDecision.offload("remote port " + f.remotePort() + " listed");
            }
            // the ports of a connection never change: it is not asked again
            return PolicyDecision.stayForGood("ports " + f.localPort() + "/" + f.remotePort() + " not in " + ports);
        }

        @Override
        public String name() {
            return "ports";
        }
    }

    /**
     * The built-in heuristic for bulk connections. Offload when ALL of:
     * <pre>
     *   payloadBytesSeen >= minBytes        (default 130 000 B)
     *   0 < srtt <= maxSrttPs               (default 20 ms; no RTT sample yet -> stay)
     *   lifetime >= minLifetimePs           (default 1 ms)
     * </pre>
     * Why: a handoff costs a fixed amount (quiesce, CCB snapshot, one command with a CCB image
     * over the bus, a CCB slot on the card, and a flush later), so it pays back only on
     * connections that move enough bytes to amortise it; short request/response connections
     * lose (Mogul, "TCP offload is a dumb idea whose time has come", HotOS IX 2003, section 3:
     * offload wins for long-lived bulk connections, loses for short ones). The byte and RTT
     * defaults are those of Windows TCP Chimney's "automatic" mode (Windows Server 2008 R2 /
     * Windows 7: offload a connection only if it has exchanged at least 130 KB and its RTT is
     * below 20 ms): a long-RTT path needs large on-card buffering (bandwidth x delay) and its
     * loss recovery is better left to the host. The lifetime floor keeps a connection that
     * sent one large burst at set-up and is about to close from taking a slot.
     *
     * @param minBytes       payload bytes seen before a connection counts as bulk
     * @param maxSrttPs      largest smoothed RTT offloaded
     * @param minLifetimePs  shortest lifetime offloaded
     */
    record Auto(long minBytes, long maxSrttPs, long minLifetimePs) implements OffloadPolicy {
        /** Default {@code minBytes} (Chimney automatic mode). */
        public static final long DEFAULT_MIN_BYTES = 130_000;
        /** Default {@code maxSrttPs} (Chimney automatic mode). */
        public static final long DEFAULT_MAX_SRTT_PS = 20 * Units.PS_PER_MS;
        /** Default {@code minLifetimePs}. */
        public static final long DEFAULT_MIN_LIFETIME_PS = Units.PS_PER_MS;

        public Auto {
            if (minBytes < 0 || maxSrttPs <= 0 || minLifetimePs < 0) {
                throw new IllegalArgumentException("bad auto policy: " + minBytes + " B, srtt " + maxSrttPs
                        + " ps, lifetime " + minLifetimePs + " ps");
            }
        }

        /** The documented defaults. */
        public static Auto defaults() {
            return new Auto(DEFAULT_MIN_BYTES, DEFAULT_MAX_SRTT_PS, DEFAULT_MIN_LIFETIME_PS);
        }

        @Override
        public PolicyDecision decide(ConnectionFacts f) {
            if (f.payloadBytesSeen() < minBytes) {
                return PolicyDecision.stay(() -> "not bulk: bytes seen " + f.payloadBytesSeen() + " < " + minBytes);
            }
            if (f.srttPs() == 0) {
                return PolicyDecision.stay("no RTT sample yet");
            }
            if (f.srttPs() > maxSrttPs) {
                return PolicyDecision.stay(() -> "srtt " + Units.formatDuration(f.srttPs()) + " > "
                        + Units.formatDuration(maxSrttPs));
            }
            if (f.lifetimePs() < minLifetimePs) {
                return PolicyDecision.stay(() -> "lifetime " + Units.formatDuration(f.lifetimePs()) + " < "
                        + Units.formatDuration(minLifetimePs));
            }
            return PolicyDecision.offload("bulk: bytes " + f.payloadBytesSeen() + " >= " + minBytes + ", srtt "
                    + Units.formatDuration(f.srttPs()) + " <= " + Units.formatDuration(maxSrttPs) + ", lifetime "
                    + Units.formatDuration(f.lifetimePs()) + " >= " + Units.formatDuration(minLifetimePs));
        }

        @Override
        public String name() {
            return "auto";
        }
    }

    /** Requires a non-null policy. */
    static OffloadPolicy require(OffloadPolicy p) {
        return Objects.requireNonNull(p, "policy");
    }
}
