package org.toesim.host.pcie;

/** Receives the value of a register read issued with {@link RootComplex#mmioRead}. */
@FunctionalInterface
public interface MmioReadCallback {
    /** The device answered with {@code value} (at the simulator's current time). */
    void onMmioRead(long offset, long value);
}
