/**
 * The host's IPv4/TCP stack: demultiplexing by four-tuple to tcp-stack engines, listeners,
 * ephemeral ports, timers on the simulator, framing for the device, and the CPU cost of each
 * piece of protocol work (receive, checksum, ACK, transmit, TSO).
 *
 * <pre>
 *   socket layer --send/read/close--&gt; HostConnection --&gt; TcpConnection (tcp-stack)
 *                                          |  TxPath: Frame + tx cost --&gt; NetDevice.send
 *   NetDevice --onFrame--&gt; HostStack: rx cost (SOFTIRQ) --&gt; demux --&gt; engine.input
 *   offload manager --quiesce / snapshot / markOffloaded / resume--&gt; HostStack
 * </pre>
 */
package org.toesim.host.stack;
