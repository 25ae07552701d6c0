/**
 * Descriptor rings in host memory as the adapter sees them: {@link org.toesim.nic.ring.FetchRing}
 * for host-produced rings (tail doorbell, batched DMA fetch) and
 * {@link org.toesim.nic.ring.WriteBackRing} for device-produced rings (batched DMA write-back,
 * interrupt, head doorbell), with the slot lifecycle {@link org.toesim.nic.ring.DescriptorState}.
 *
 * <pre>
 *   host                        link                     adapter
 *   slots + MmioWrite(TAIL) ------------------------&gt;  FetchRing.onTailDoorbell
 *                          &lt;------------------------  DmaReadRequest(batch of slots)
 *   DmaReadCompletion(Entries) --------------------&gt;  take() ... complete(i)
 *                          &lt;------------------------  WriteBackRing: DmaWrite(Entries), MsixInterrupt
 *   MmioWrite(HEAD) -------------------------------&gt;  WriteBackRing.onHeadDoorbell
 * </pre>
 */
package org.toesim.nic.ring;
