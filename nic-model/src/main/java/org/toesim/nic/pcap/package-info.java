/**
 * Packet captures of simulated traffic in classic libpcap format, readable by tcpdump and
 * Wireshark: {@link org.toesim.nic.pcap.PcapWriter} encodes each frame with
 * {@link org.toesim.nic.frame.FrameCodec} and stamps it with the simulated time.
 *
 * <pre>
 *   LinkDirection --&gt; PcapWriter.tap(port) --write(frame, t)--&gt; file ; --&gt; port.receive(frame, t)
 * </pre>
 */
package org.toesim.nic.pcap;
