/**
 * The communication control block (CCB) of claim 20: a value holding all of a connection's TCP
 * state, split into constant, cached and delegated parts, so the connection can move between
 * the host stack and the TCP offload engine and back without losing or duplicating a byte.
 *
 * <pre>
 *   TcpConnection ──snapshot(t)──▶ ControlBlock ──(PCIe DMA)──▶ TOE CCB table
 *   TcpConnection ◀─restore(t')── ControlBlock ◀──(flush)────── TOE
 * </pre>
 */
package org.toesim.tcp.ccb;
