package org.toesim.tcp.cc;

import java.util.List;

/**
 * Creates congestion-control algorithms by the names used in scenario files and rebuilds them
 * from a CCB's {@link CcSnapshot} (so a connection moved between host and adapter continues
 * with bit-identical algorithm state).
 */
public final class CongestionControls {
    /** Valid names, in the order shown in error messages. */
    public static final List<String> NAMES = List.of(Reno.NAME, NewReno.NAME, Cubic.NAME, Dctcp.NAME, Bbr.NAME);

    private CongestionControls() {
    }

    /**
     * A fresh algorithm called {@code name} (case-sensitive: "reno", "newreno", "cubic", "bbr").
     *
     * @throws IllegalArgumentException for any other name, listing the valid ones
     */
    public static CongestionControl create(String name) {
        return create(name, CcFeatures.rfc());
    }

    /**
     * A fresh algorithm called {@code name} with the growth options {@code features} (the engine
     * passes {@code TcpConfig.features()}: segment counting for all three, HyStart++ for CUBIC).
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static CongestionControl create(String name, CcFeatures features) {
        if (name == null) {
            throw new IllegalArgumentException("congestion control name is null; valid: " + NAMES);
        }
        return switch (name) {
            case Reno.NAME -> new Reno(features.segmentCountingCa(), 0);
            case NewReno.NAME -> new NewReno(features.segmentCountingCa(), 0);
            case Cubic.NAME -> new Cubic(true, features);
            case Dctcp.NAME -> new Dctcp(features.segmentCountingCa());
            case Bbr.NAME -> new Bbr();
            default -> throw new IllegalArgumentException(
                    "unknown congestion control '" + name + "'; valid: " + String.join(", ", NAMES));
        };
    }

    /** The algorithm with exactly the state exported in {@code snap}. */
    public static CongestionControl restore(CcSnapshot snap) {
        if (snap instanceof RenoSnapshot r) {
            return r.newRenoRecovery() ? new NewReno(r.segmentCountingCa(), r.caAckedBytes())
                    : new Reno(r.segmentCountingCa(), r.caAckedBytes());
        }
        if (snap instanceof CubicSnapshot c) {
            return Cubic.restore(c);
        }
        if (snap instanceof DctcpSnapshot d) {
            return Dctcp.restore(d);
        }
        if (snap instanceof BbrSnapshot b) {
            return Bbr.restore(b);
        }
        throw new IllegalArgumentException("unknown snapshot " + snap);
    }
}
