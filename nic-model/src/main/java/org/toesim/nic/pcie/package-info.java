/**
 * The PCIe link between host and adapter: generations 1-5, lane count, line encoding, MPS,
 * MRRS, per-TLP and DLLP overheads, a read round-trip latency, and per-direction FIFO
 * bandwidth sharing. A transfer is split into TLPs arithmetically and costs one event
 * ({@link org.toesim.nic.pcie.PcieLink}); the overhead model and the derivation of the
 * effective-bandwidth figures are in {@link org.toesim.nic.pcie.PcieSpec}.
 *
 * <pre>
 *   device --DmaWrite(len)--&gt; upstream FIFO: ser(len + ceil(len/MPS)*24 B) + 450 ns --&gt; host
 *   device --DmaReadRequest--&gt; ser(ceil(len/MRRS)*24 B) + 450 ns --&gt; host memory answers
 *   host --DmaReadCompletion--&gt; downstream FIFO: ser(len + ceil(len/MPS)*20 B) + 450 ns --&gt; device
 * </pre>
 */
package org.toesim.nic.pcie;
