package org.toesim.tcp.cc;

/**
 * Algorithm-private congestion-control state, as carried in a CCB. Each algorithm has its own
 * record in this sealed family; {@link CongestionControls#restore(CcSnapshot)} rebuilds the
 * algorithm with exactly that state (the shared cwnd/ssthresh travel in {@link CongestionState}).
 */
public sealed interface CcSnapshot permits RenoSnapshot, CubicSnapshot, DctcpSnapshot, BbrSnapshot {
    /** The algorithm's name, as {@link CongestionControl#name()}. */
    String algorithm();
}
