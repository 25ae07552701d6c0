/**
 * The network between adapters: full-duplex point-to-point {@link org.toesim.nic.net.Link}s
 * (one {@link org.toesim.nic.net.LinkDirection} per direction, with propagation delay and
 * impairments: Bernoulli and Gilbert-Elliott loss, reordering, duplication, bit corruption,
 * up/down faults, each impairment on its own named random stream) and a store-and-forward
 * {@link org.toesim.nic.net.EthernetSwitch} with output queues (drop-tail, or with the AQM of
 * {@link org.toesim.nic.aqm}) and a static table.
 *
 * <pre>
 *   hostA.mac --Link(a.ab)--&gt; sw.p0 \
 *                                    &gt; sw fabric --&gt; sw.p2 [queue] --Link--&gt; hostC.mac
 *   hostB.mac --Link(b.ab)--&gt; sw.p1 /          (the shared bottleneck)
 * </pre>
 */
package org.toesim.nic.net;
