/**
 * Host memory: the address space in which the driver places descriptor, completion and command
 * rings, the socket layer its buffers, and applications their receive and send buffers; and
 * which the adapter reaches by DMA through the PCIe root complex.
 *
 * <pre>
 *   HostMemory (MemorySpec: base 4 GiB, 1 TiB, no extra access latency, 64 B alignment)
 *
 *   0x1_0000_0000
 *   |--[nic0.rx-ring0 DESCRIPTOR_RING]--[nic0.cmd COMMAND_RING]--[c7.rcvbuf SOCKET_BUFFER]--
 *   --[app.buf0 APPLICATION_BUFFER (real bytes)]--[....]-----------------------| base+size
 *
 *   adapter DMA write (addr, payload)                     host code
 *     root complex: + accessLatencyPs()                     allocate(name, kind, len, real?)
 *     HostMemory.writePayload(addr, payload)                free(region)
 *        |-- regionAt(addr): binary search, O(log n)        read(addr, len) (tests)
 *        |-- bounds: [addr, addr+len) inside that region, else MemoryAccessException
 *        |-- real region: copy bytes | virtual: record length only
 *        '-- MemoryWriteObserver.onWrite(region, addr, len, real)
 * </pre>
 *
 * <p>{@link org.toesim.host.mem.MemoryRegion}s are named and typed by
 * {@link org.toesim.host.mem.RegionKind}; addresses of freed regions are never reused.
 */
package org.toesim.host.mem;
