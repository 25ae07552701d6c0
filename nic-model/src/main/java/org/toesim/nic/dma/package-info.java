/**
 * The adapter's DMA engine ({@link org.toesim.nic.dma.DmaEngine}): host-memory reads bounded by
 * outstanding read tags and correlated by request id, posted writes, and byte counters. Reads
 * are priced as ceil(len/MRRS) request TLPs and their completions as ceil(len/MPS) TLPs by the
 * link; the engine never creates per-TLP objects.
 *
 * <pre>
 *   ring / TOE --read(addr,len,cb,cookie)--&gt; DmaEngine --DmaReadRequest--&gt; PcieLink --&gt; host memory
 *   ring / TOE &lt;--cb.onReadComplete(cookie,data)-- DmaEngine &lt;--DmaReadCompletion-- PcieLink &lt;--
 * </pre>
 */
package org.toesim.nic.dma;
