package org.toesim.tcp.cc;

/**
 * Algorithm-private congestion-control state, as carried in a CCB. Each algorithm adds its own
 * record to this sealed family; {@code CongestionControls.restore(CcSnapshot)} rebuilds the
 * algorithm with that state.
 */
public interface CcSnapshot {
    /** The algorithm's name, as {@link CongestionControl#name()}. */
    String algorithm();
}
