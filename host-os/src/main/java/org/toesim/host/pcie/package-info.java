/**
 * The host's PCIe root complex and its typed view of host memory: how the adapter's DMA reaches
 * rings and buffers, and how its MSI-X messages become interrupt work on a core.
 *
 * <pre>
 *   adapter --PcieLink--&gt; RootComplex.receive
 *      DmaReadRequest --(+ HostMemory.accessLatencyPs)--&gt; DmaTarget.read  --&gt; DmaReadCompletion
 *      DmaWrite       ------------------------------------&gt; DmaTarget.write
 *      MsixInterrupt  --&gt; HostCpu INTERRUPT work (interrupt entry/exit cycles) --&gt; driver handler
 *
 *   DmaTarget by region (HostMemory.find, O(log n), then region -&gt; owner):
 *      HostRing     typed RingEntry slots (descriptor, completion, command, event rings)
 *      BufferPool   equal buffers, one typed content each (frame buffers), O(1) by index
 *      TypedRegion  address -&gt; content map (command results, state images), O(log n)
 *      (no owner)   raw HostMemory: Bytes into real or virtual bytes
 * </pre>
 */
package org.toesim.host.pcie;
