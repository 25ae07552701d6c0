package org.toesim.host.mem;

/**
 * The shape of a host address space.
 *
 * @param baseAddress      lowest address handed out (non-zero, so address 0 is never valid)
 * @param sizeBytes        bytes of address space available for regions
 * @param accessLatencyPs  extra latency of one memory access as seen by a DMA request at the
 *                         root complex, on top of the PCIe read round trip. Default 0: the
 *                         900 ns round trip of {@code PcieSpec.readRoundTripPs} is an
 *                         end-to-end measurement (Neugebauer et al., SIGCOMM 2018) that already
 *                         includes the root complex and DRAM, so adding DRAM time here would
 *                         count it twice. Set it to model a slower memory system.
 * @param defaultAlignBytes alignment of regions allocated without one (a power of two)
 */
public record MemorySpec(long baseAddress, long sizeBytes, long accessLatencyPs, long defaultAlignBytes) {
    /** No extra latency: the PCIe read round trip already includes DRAM (see the record doc). */
    public static final long DEFAULT_ACCESS_LATENCY_PS = 0;
    /** Regions start on a cache line by default. */
    public static final long DEFAULT_ALIGN_BYTES = 64;
    /** The first 4 GiB are left unused so that small integers are never valid addresses. */
    public static final long DEFAULT_BASE_ADDRESS = 1L << 32;
    /** 1 TiB of address space: freed addresses are not reused, so be generous. */
    public static final long DEFAULT_SIZE_BYTES = 1L << 40;

    public MemorySpec {
        if (baseAddress <= 0 || sizeBytes <= 0 || baseAddress + sizeBytes < baseAddress) {
            throw new IllegalArgumentException("bad address space: base " + baseAddress + ", size " + sizeBytes);
        }
        if (accessLatencyPs < 0) {
            throw new IllegalArgumentException("memory access latency must be >= 0 ps, got " + accessLatencyPs);
        }
        if (defaultAlignBytes <= 0 || Long.bitCount(defaultAlignBytes) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two, got " + defaultAlignBytes);
        }
    }

    /** The default address space: 1 TiB from 4 GiB, no extra access latency, 64-byte alignment. */
    public static MemorySpec defaults() {
        return new MemorySpec(DEFAULT_BASE_ADDRESS, DEFAULT_SIZE_BYTES, DEFAULT_ACCESS_LATENCY_PS, DEFAULT_ALIGN_BYTES);
    }

    /** This spec with a different access latency. */
    public MemorySpec withAccessLatencyPs(long latencyPs) {
        return new MemorySpec(baseAddress, sizeBytes, latencyPs, defaultAlignBytes);
    }
}
