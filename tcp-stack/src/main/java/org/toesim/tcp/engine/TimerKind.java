package org.toesim.tcp.engine;

/**
 * The connection's main timer, one at a time (smoltcp's idea: impossible combinations cannot be
 * written down). The delayed-ACK deadline is separate because it runs alongside any of these.
 *
 * <ul>
 *   <li>{@link #IDLE}: nothing outstanding, nothing to probe.</li>
 *   <li>{@link #RETRANSMIT}: SYN, data or FIN outstanding (RFC 6298 §5).</li>
 *   <li>{@link #PERSIST}: data queued, peer window zero, nothing outstanding (RFC 9293 §3.8.6.1).</li>
 *   <li>{@link #KEEPALIVE}: idle connection with keep-alives on (RFC 1122 §4.2.3.6).</li>
 *   <li>{@link #TIME_WAIT}: 2*MSL quiet time (RFC 9293 §3.4.2).</li>
 * </ul>
 */
public enum TimerKind {
    IDLE, RETRANSMIT, PERSIST, KEEPALIVE, TIME_WAIT
}
