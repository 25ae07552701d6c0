/**
 * Ethernet MAC ports (IEEE 802.3): line-rate serialisation with preamble, SFD, minimum-size
 * padding, FCS and inter-frame gap; MTU enforcement; a transmit queue limited in frames or
 * bytes, drop-tail or with active queue management ({@link org.toesim.nic.aqm}: ECN marks and
 * early drops); FCS-error discard on receive; per-port counters, mean queue and sojourn.
 *
 * <pre>
 *   upper layer --send--&gt; MacPort [queue]--serialise--&gt; wire (link direction)
 *   wire --receive--&gt; MacPort --FCS/MTU ok--&gt; upper layer
 * </pre>
 *
 * One timed event per transmitted frame: when a frame's last bit leaves, the event hands it to
 * the wire and starts the next queued frame after the inter-frame gap.
 */
package org.toesim.nic.mac;
