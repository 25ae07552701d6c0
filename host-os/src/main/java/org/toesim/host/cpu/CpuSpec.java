package org.toesim.host.cpu;

/**
 * The shape of a host CPU: {@code cores} identical cores at {@code clockHz}.
 *
 * @param name    component name used in statistics and traces, e.g. {@code "hostA.cpu"}
 * @param cores   number of cores, at least 1
 * @param clockHz clock rate of every core
 */
public record CpuSpec(String name, int cores, long clockHz) {
    /** Clock of the 2.4 GHz Pentium 4 Xeon class of machine measured by Foong et al. (2003). */
    public static final long DEFAULT_CLOCK_HZ = 2_400_000_000L;

    public CpuSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("CPU name must not be blank");
        }
        if (cores < 1) {
            throw new IllegalArgumentException("CPU " + name + " needs at least one core, got " + cores);
        }
        if (clockHz <= 0) {
            throw new IllegalArgumentException("CPU " + name + " clock must be > 0 Hz, got " + clockHz);
        }
    }

    /** {@code cores} cores at {@link #DEFAULT_CLOCK_HZ}. */
    public static CpuSpec of(String name, int cores) {
        return new CpuSpec(name, cores, DEFAULT_CLOCK_HZ);
    }
}
