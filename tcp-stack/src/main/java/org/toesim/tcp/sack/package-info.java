/**
 * Selective acknowledgment (RFC 2018) and SACK-based loss recovery (RFC 6675): the sender's
 * {@link org.toesim.tcp.sack.SackScoreboard} (IsLost, SetPipe, NextSeg, HighRxt, RescueRxt)
 * and the receiver's {@link org.toesim.tcp.sack.SackBlockBuilder}.
 *
 * <pre>
 *   receiver: ooo segment ─▶ SackBlockBuilder ─▶ SACK blocks in the ACK ──wire──┐
 *   sender:   SackScoreboard.update(ack, blocks) ◀──────────────────────────────┘
 *             pipeBytes() &lt; cwnd ? nextSeg() ─▶ retransmit a hole / send new data / rescue
 * </pre>
 */
package org.toesim.tcp.sack;
