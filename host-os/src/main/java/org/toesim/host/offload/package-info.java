/**
 * The host side of TCP offload (SYSTEM.md behaviours 5-20): the {@link org.toesim.host.offload.OffloadManager}
 * consults the adapter record, asks a pluggable {@link org.toesim.host.offload.OffloadPolicy},
 * hands connections to the adapter and takes them back, and moves application buffers with the
 * connection's opaque handle.
 *
 * <pre>
 *  socket / app --postReceive, send, close--&gt; OffloadManager --AdapterPort--&gt; NicDriver --PCIe--&gt; TOE
 *                                                 |   ^
 *                                        StackPort|   |facts, held frames
 *                                                 v   |
 *                                               HostStack (quiesce / snapshot / markOffloaded / resume)
 *
 *  handoff:  ON_HOST -&gt; QUIESCING -&gt; OFFLOADING -&gt; OFFLOADED -&gt; FLUSHING -&gt; ON_HOST_AGAIN
 * </pre>
 * Inside the manager: {@link org.toesim.host.offload.PolicyWatch} (policy checks),
 * {@link org.toesim.host.offload.HandoffSequence}, {@link org.toesim.host.offload.FlushSequence},
 * {@link org.toesim.host.offload.OffloadDataPath} (buffers, sends, credit),
 * {@link org.toesim.host.offload.StatsPoller} and {@link org.toesim.host.offload.SegmentForwarder}.
 * Sockets reach it through {@link org.toesim.host.offload.SocketOffloadBridge} (a
 * {@code SocketIo}): receives as posted buffers, sends as (handle, address, length) requests
 * ({@link org.toesim.host.offload.SocketSendPath}, claim 9).
 * The two ports keep the manager testable alone; {@link org.toesim.host.offload.DriverAdapterPort}
 * and {@link org.toesim.host.offload.HostStackPort} bind them to the real driver and stack.
 */
package org.toesim.host.offload;
