package org.toesim.scenario.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * When the host stack hands a connection to the TOE (SYSTEM.md behaviour 7). File forms:
 * <pre>
 *   "offload": "never" | "always" | "auto"
 *   "offload": {"afterBytes": "1MiB"}     after this many payload bytes on the host stack
 *   "offload": {"afterTime": "5ms"}       after the connection has lived this long
 *   "offload": {"ports": [80, 5001]}      connections to or from these ports
 * </pre>
 */
@JsonDeserialize(using = OffloadPolicyDeserializer.class)
public sealed interface OffloadPolicySpec {
    /** The name used in files. */
    String fileName();

    /** Never offload (the host stack keeps every connection). */
    record Never() implements OffloadPolicySpec {
        @Override
        public String fileName() {
            return "never";
        }
    }

    /** Offload every connection as soon as it is established. */
    record Always() implements OffloadPolicySpec {
        @Override
        public String fileName() {
            return "always";
        }
    }

    /** The model's built-in heuristic (long-lived bulk connections). */
    record Auto() implements OffloadPolicySpec {
        @Override
        public String fileName() {
            return "auto";
        }
    }

    /** Offload once {@code bytes} of payload have crossed the host stack. */
    record AfterBytes(long bytes) implements OffloadPolicySpec {
        public AfterBytes {
            Checks.atLeast("afterBytes", bytes, 0);
        }

        @Override
        public String fileName() {
            return "afterBytes";
        }
    }

    /** Offload once the connection has been established for {@code timePs}. */
    record AfterTime(long timePs) implements OffloadPolicySpec {
        public AfterTime {
            Checks.atLeast("afterTime", timePs, 0);
        }

        @Override
        public String fileName() {
            return "afterTime";
        }
    }

    /** Offload connections whose local or remote port is listed. */
    record Ports(List<Integer> ports) implements OffloadPolicySpec {
        public Ports {
            ports = List.copyOf(ports);
            if (ports.isEmpty()) {
                throw new FieldException("ports", "empty list", "at least one port in [1, 65535]");
            }
            for (int i = 0; i < ports.size(); i++) {
                Checks.between("ports[" + i + "]", ports.get(i), 1, 65_535);
            }
        }

        @Override
        public String fileName() {
            return "ports";
        }
    }

    /** Every form's name, for error messages. */
    List<String> NAMES = List.of("never", "always", "auto", "afterBytes", "afterTime", "ports");
}
