/**
 * Trace records of the TCP engine (state changes, cwnd changes, RTO firings, retransmissions),
 * written to the {@link org.toesim.core.trace.TraceSink} a connection was built with.
 */
package org.toesim.tcp.trace;
