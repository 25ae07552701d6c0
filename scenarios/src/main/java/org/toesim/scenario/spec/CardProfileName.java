package org.toesim.scenario.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A TOE card hardware profile ({@code hosts[i].nic.card}): the card's protocol-processor clock,
 * core count and cycle costs when the file gives none; {@code cardClock}, {@code cardCores} and
 * {@code cardCycles} override single values on top of it. Sources and calibration runs:
 * {@code docs/hardware-profiles.md}.
 */
@JsonDeserialize(using = CardProfileName.Deser.class)
public enum CardProfileName implements NamedValue {
    /** The model's original card: 1 GHz, one core, the TOE's default cycle table. */
    BASELINE("baseline", 1_000_000_000L, 1, Map.of()),
    /**
     * A 10 Gbit/s-era TOE like Chelsio's T110 (Feng et al., HOTI 2005: ~7.6 Gbit/s on one
     * connection with 1500-byte frames, 8.9 us latency): one pipeline able to keep one
     * connection at 10 Gbit/s with standard frames.
     */
    T110("t110", 1_000_000_000L, 1, Map.of("fastPathRx", 600L, "fastPathAck", 300L, "tx", 500L, "slowPath", 300L,
            "command", 4000L, "descriptor", 200L, "timer", 400L)),
    /**
     * A current 100 Gbit/s TOE (Chelsio T6 class): many protocol cores, each able to carry one
     * connection at 100 Gbit/s with standard frames.
     */
    MODERN("modern", 2_000_000_000L, 16, Map.of("fastPathRx", 100L, "fastPathAck", 60L, "tx", 80L,
            "slowPath", 100L, "command", 1500L, "descriptor", 40L, "timer", 100L));

    private final String fileName;
    private final long clockHz;
    private final int cores;
    private final Map<String, Long> cycles;

    CardProfileName(String fileName, long clockHz, int cores, Map<String, Long> cycles) {
        this.fileName = fileName;
        this.clockHz = clockHz;
        this.cores = cores;
        this.cycles = Collections.unmodifiableMap(new TreeMap<>(cycles));
    }

    @Override
    public String fileName() {
        return fileName;
    }

    public long clockHz() {
        return clockHz;
    }

    public int cores() {
        return cores;
    }

    /** This profile's card cycle costs by {@link ModelChecks#CARD_CYCLE_NAMES} name (sorted; empty: the TOE's defaults). */
    public Map<String, Long> cycles() {
        return cycles;
    }

    static final class Deser extends NamedValues.Deserializer<CardProfileName> {
        private static final long serialVersionUID = 1L;

        Deser() {
            super(CardProfileName.class);
        }
    }
}
