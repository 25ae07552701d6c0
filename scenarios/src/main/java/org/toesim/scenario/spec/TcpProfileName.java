package org.toesim.scenario.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.toesim.tcp.engine.TcpFeatures;

/**
 * Which TCP a workload runs: Linux 6.x as shipped, or the strict RFC engine for textbook
 * experiments. Each behaviour of the profile can be switched on its own with {@code tcp.features}.
 */
@JsonDeserialize(using = TcpProfileName.Deser.class)
public enum TcpProfileName implements NamedValue {
    /** Linux 6.x: segment-counting CA, HyStart, PRR, RACK-TLP, autotuning, quick-ACK, µs RTT. */
    LINUX("linux"),
    /** RFC 5681 / 6582 / 6675 as written, fixed buffers, timestamp-tick RTT. */
    RFC("rfc");

    private final String fileName;

    TcpProfileName(String fileName) {
        this.fileName = fileName;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    /** The engine behaviours this profile turns on. */
    public TcpFeatures features() {
        return this == LINUX ? TcpFeatures.linux() : TcpFeatures.rfc();
    }

    static final class Deser extends NamedValues.Deserializer<TcpProfileName> {
        private static final long serialVersionUID = 1L;

        Deser() {
            super(TcpProfileName.class);
        }
    }
}
