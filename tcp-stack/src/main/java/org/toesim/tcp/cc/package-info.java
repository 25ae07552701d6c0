/**
 * Congestion control as strategies over a {@link org.toesim.tcp.cc.CongestionState} owned by
 * the engine (ns-3's TcpCongestionOps/TcpSocketState split): {@link org.toesim.tcp.cc.Reno}
 * (RFC 5681), {@link org.toesim.tcp.cc.NewReno} (RFC 6582 recovery, Reno growth) and
 * {@link org.toesim.tcp.cc.Cubic} (RFC 9438), created by name in
 * {@link org.toesim.tcp.cc.CongestionControls}.
 *
 * <pre>
 *   engine ── fills CongestionState (cwnd, ssthresh, FlightSize, SRTT) ──▶ strategy
 *   engine ◀── reads cwnd / ssthresh back ────────────────────────────── strategy
 *   CCB    ◀── snapshot(): CcSnapshot (sealed: RenoSnapshot | CubicSnapshot)
 *   CCB    ──▶ CongestionControls.restore(snapshot) ──▶ same algorithm, same state
 * </pre>
 */
package org.toesim.tcp.cc;
