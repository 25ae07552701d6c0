/**
 * Ethernet MAC ports (IEEE 802.3): line-rate serialisation with preamble, SFD, minimum-size
 * padding, FCS and inter-frame gap; MTU enforcement; a drop-tail transmit queue counted in
 * frames or bytes; FCS-error discard on receive; per-port counters.
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
