/**
 * What travels on simulated Ethernet: the {@link org.toesim.nic.frame.Frame} record (Ethernet
 * II addresses, {@link org.toesim.nic.frame.Ipv4Header} fields and tcp-stack's
 * {@link org.toesim.tcp.segment.Segment}, plus the simulation-only frame id and corruption
 * mark), the wire-length arithmetic of {@link org.toesim.nic.frame.EthernetWire}, the
 * {@link org.toesim.nic.frame.FrameSink} contract between ports, links and switches, and
 * {@link org.toesim.nic.frame.FrameCodec}, which turns a frame into its real bytes and back.
 *
 * <pre>
 *   TCP engine --Segment--&gt; NIC --Frame(ip, tcp)--&gt; MacPort --&gt; LinkDirection --&gt; MacPort --&gt; NIC
 *                                        |
 *                                        +--FrameCodec.encode--&gt; bytes --&gt; PcapWriter
 * </pre>
 */
package org.toesim.nic.frame;
