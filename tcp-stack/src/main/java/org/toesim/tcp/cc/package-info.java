/**
 * Congestion control as strategies over a {@link org.toesim.tcp.cc.CongestionState} owned by
 * the engine (ns-3's TcpCongestionOps/TcpSocketState split): {@link org.toesim.tcp.cc.Reno}
 * (RFC 5681), {@link org.toesim.tcp.cc.NewReno} (RFC 6582 recovery, Reno growth) and
 * {@link org.toesim.tcp.cc.Cubic} (RFC 9438, optionally with HyStart++, RFC 9406) and
 * {@link org.toesim.tcp.cc.Bbr} (BBR v1, Linux tcp_bbr.c: sets cwnd and the pacing rate itself from
 * the engine's {@link org.toesim.tcp.cc.RateSample}s, {@code ownsCwnd()}), created by name
 * and {@link org.toesim.tcp.cc.CcFeatures} in {@link org.toesim.tcp.cc.CongestionControls}. Window
 * growth is RFC 5681's or, with segment counting, Linux's ({@code tcp_slow_start},
 * {@code tcp_cong_avoid_ai}; RFC 3465 §2.1).
 *
 * <pre>
 *   engine ── fills CongestionState (cwnd, ssthresh, FlightSize, SRTT,
 *             SND.UNA / SND.MAX positions) ─────────────────────────────▶ strategy
 *   engine ◀── reads cwnd / ssthresh back ────────────────────────────── strategy
 *   engine ── RateSample per ACK (BBR only) ──────────────────────────────▶ strategy
 *   engine ◀── pacingRateBytesPerSec() before each data segment ─────────── strategy
 *   CCB    ◀── snapshot(): CcSnapshot (sealed: RenoSnapshot | CubicSnapshot | BbrSnapshot)
 *   CCB    ──▶ CongestionControls.restore(snapshot) ──▶ same algorithm, same state
 * </pre>
 */
package org.toesim.tcp.cc;
