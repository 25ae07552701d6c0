/**
 * Round-trip-time estimation and the retransmission timeout (RFC 6298), in integer
 * picoseconds, with Karn's rule left to the caller's flag and the whole state exportable for
 * a CCB ({@link org.toesim.tcp.rtt.RttSnapshot}).
 *
 * <pre>
 *   engine: ACK times a segment ─▶ onRttSample(rttPs, retransmitted?, timestamp?) ─▶ SRTT, RTTVAR
 *           arm timer          ◀── rtoPs()  (SRTT + max(G, 4 RTTVAR), clamped, backed off)
 *           timer expired      ─▶ onTimeout()  (next rtoPs() doubles, up to max)
 * </pre>
 */
package org.toesim.tcp.rtt;
