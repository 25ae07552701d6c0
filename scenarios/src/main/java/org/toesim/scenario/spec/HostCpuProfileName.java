package org.toesim.scenario.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A host CPU hardware profile ({@code hosts[i].cpu}): the cycle-cost table the host's work is
 * charged from and the core clock when the file gives none. {@code costs} overrides single
 * entries on top of it. Sources and calibration: {@code docs/hardware-profiles.md}.
 */
@JsonDeserialize(using = HostCpuProfileName.Deser.class)
public enum HostCpuProfileName implements NamedValue {
    /** Linux 2.4 on a Pentium 4 class server (Foong et al. 2003): ~1 cycle per received bit; 3 GHz. */
    FOONG_2003("foong2003", 3_000_000_000L),
    /** Linux 5.x/6.x on a 3.4 GHz Xeon class core with GRO/TSO and DDIO (Cai et al. 2021). */
    MODERN("modern", 3_400_000_000L);

    private final String fileName;
    private final long clockHz;

    HostCpuProfileName(String fileName, long clockHz) {
        this.fileName = fileName;
        this.clockHz = clockHz;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    /** The core clock of this profile's calibration machine. */
    public long clockHz() {
        return clockHz;
    }

    static final class Deser extends NamedValues.Deserializer<HostCpuProfileName> {
        private static final long serialVersionUID = 1L;

        Deser() {
            super(HostCpuProfileName.class);
        }
    }
}
