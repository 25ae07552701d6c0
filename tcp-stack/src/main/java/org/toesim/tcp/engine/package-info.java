/**
 * The TCP engine: one connection as a pure state machine (RFC 9293) with no I/O and no
 * scheduler, run identically by the host stack and by the TCP offload engine. The caller passes
 * the time in, feeds segments, and asks when to wake the engine next.
 *
 * <pre>
 *            app calls (send/read/close)            segments in
 *                    │                                   │
 *                    ▼                                   ▼
 *   TcpConnection ─────────────────────────────▶ InputProcessor ──▶ AckProcessor ─▶ SackRecovery
 *        │  poll(t)                                      │            (cc strategy, RttEstimator)
 *        ▼                                               ▼
 *      Timers (RETRANSMIT | PERSIST | KEEPALIVE | TIME_WAIT, + delayed ACK)
 *        │                                               │
 *        └──────────────▶ OutputProcessor ──▶ SegmentSink.send(tuple, segment)
 *                           (Pacer: release times when the cc paces; AckProcessor ─▶ DeliveryRate
 *                            ─▶ RateSampler ─▶ cc.onRateSample when the cc ownsCwnd, BBR)
 *
 *   TcpConnection.snapshot(t) ─▶ ControlBlock ─▶ TcpConnection.restore(ccb, config, t', ...)
 * </pre>
 *
 * {@link org.toesim.tcp.engine.TcpListener} spawns connections from SYNs. All mutable state
 * lives in the package-private TCB; the classes above share it like lwIP's tcp_in / tcp_out.
 */
package org.toesim.tcp.engine;
