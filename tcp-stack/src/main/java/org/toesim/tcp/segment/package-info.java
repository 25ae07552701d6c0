/**
 * What crosses the wire between two TCP engines: {@link org.toesim.tcp.segment.Segment} (RFC
 * 9293 §3.1 header fields as values, options as {@link org.toesim.tcp.segment.TcpOptions}),
 * its {@link org.toesim.tcp.segment.Payload} (virtual by default: stream offset and length
 * only; or real bytes), and the connection's {@link org.toesim.tcp.segment.FourTuple}.
 */
package org.toesim.tcp.segment;
