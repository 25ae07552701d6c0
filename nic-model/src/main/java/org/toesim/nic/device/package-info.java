/**
 * The contract between the host's driver and the adapter: what crosses the PCIe bus, and the
 * formats of the rings and commands in host memory. host-os programs against this package only.
 *
 * <h2>Bus messages</h2>
 * Two sealed families, one per direction, modelled on SimBricks' PCIe protocol:
 * {@link org.toesim.nic.device.HostToDevice} (MMIO write, MMIO read, DMA read completion) and
 * {@link org.toesim.nic.device.DeviceToHost} (DMA read request, posted DMA write, MSI-X
 * interrupt as a 4-byte posted write, MMIO read completion). The host sends through a
 * {@link org.toesim.nic.device.HostBus} and receives as a {@link org.toesim.nic.device.HostEndpoint};
 * the adapter sends through a {@link org.toesim.nic.device.DeviceBus} and receives as a
 * {@link org.toesim.nic.device.DeviceEndpoint}. The link between them
 * ({@code org.toesim.nic.pcie.PcieLink}) costs each message its serialization and latency.
 *
 * <h2>Rings</h2>
 * Host memory holds five rings ({@link org.toesim.nic.device.RingId}); slots are typed
 * {@link org.toesim.nic.device.RingEntry} records. Host-produced rings (command, send, receive)
 * are announced by a tail doorbell and fetched by DMA reads; device-produced rings (completion,
 * event) are written by DMA writes, announced by MSI-X, and released by a head doorbell.
 * Register offsets are in {@link org.toesim.nic.device.Registers}. Connections are named by
 * {@link org.toesim.nic.device.OffloadHandle}, opaque to the host.
 *
 * <h2>Plain NIC: queue pairs, RSS, TSO, LRO</h2>
 * A plain NIC has {@code Registers.QUEUES} queue pairs; queue {@code q} has its own SEND,
 * RECEIVE and COMPLETION rings ({@link org.toesim.nic.device.Registers#ring(int, RingId, long)})
 * and raises the vector programmed in its COMPLETION ring's VECTOR register. Frames travel as
 * {@link org.toesim.nic.device.DmaData.FrameImage}. Receive steering is programmed through the
 * RSS key and indirection table registers.
 * <pre>
 *  driver                                                          plain NIC
 *  NicBuffer(addr, len) in RECEIVE[q]; MmioWrite(RECEIVE[q].TAIL) --&gt; fetch (batched DMA read)
 *                                                     wire frame --&gt; RSS hash -&gt; table -&gt; queue q
 *                    &lt;-- DmaWrite(addr, FrameImage) ; DmaWrite(COMPLETION[q], NicReceiveCompletion)
 *                    &lt;-- MsixInterrupt(vector of q) (moderated)
 *  FrameImage at addr; NicSend(addr, len, csum, cookie, tsoMss) in SEND[q]; MmioWrite(SEND[q].TAIL) --&gt;
 *                    &lt;-- DmaReadRequest(slots), DmaReadRequest(addr, len)
 *  DmaReadCompletion(FrameImage) --&gt; TSO cuts it into MSS frames --&gt; MAC
 *                    &lt;-- DmaWrite(COMPLETION[q], NicSendCompletion(cookie, frames)) + MSI-X
 * </pre>
 *
 * <h2>Sequence: attach, offload, receive, send, flush</h2>
 * <pre>
 *  driver (host)                          PCIe                           adapter
 *  --- attach / capability query (claims 10, 11, 19) ---
 *  write CapabilityQuery in COMMAND ring
 *  MmioWrite(COMMAND.TAIL)  ---------------------------------------------&gt; doorbell
 *                           &lt;---------------------------------------------- DmaReadRequest(cmd slots)
 *  DmaReadCompletion(Entries[CapabilityQuery]) --------------------------&gt;
 *                           &lt;---------------------------------------------- DmaWrite(resultAddr, CapabilityImage)
 *                           &lt;---------------------------------------------- DmaWrite(COMPLETION slot, CommandCompletion)
 *                           &lt;---------------------------------------------- MsixInterrupt(vector)
 *  fill adapter record; MmioWrite(COMPLETION.HEAD) ----------------------&gt;
 *  --- initiate offload (claims 16, 20) ---
 *  write CCB image at stateAddr; InitiateOffload(handle, stateAddr, len); MmioWrite(COMMAND.TAIL) --&gt;
 *                           &lt;---------------------------------------------- DmaReadRequest(cmd slot)
 *  DmaReadCompletion(Entries[InitiateOffload]) --------------------------&gt;
 *                           &lt;---------------------------------------------- DmaReadRequest(stateAddr, len)
 *  DmaReadCompletion(StateImage) ----------------------------------------&gt; install CCB under handle
 *                           &lt;---------------------------------------------- DmaWrite(CommandCompletion) + MSI-X
 *  --- post buffer, placement and completion (claims 1, 2, 15, 17, 18) ---
 *  PostBuffer(handle, addr, len) in RECEIVE ring; MmioWrite(RECEIVE.TAIL) --&gt;
 *                           &lt;---------------------------------------------- DmaReadRequest(rx slots)
 *  DmaReadCompletion(Entries[PostBuffer..]) -----------------------------&gt;
 *                                                     frames arrive, card ACKs the peer
 *                           &lt;---------------------------------------------- DmaWrite(addr, Bytes(payload, no headers))
 *                           &lt;---------------------------------------------- DmaWrite(ReceiveCompletion(bytesPlaced))
 *                           &lt;---------------------------------------------- MsixInterrupt (moderated)
 *  --- send (claim 9) ---
 *  ToeSend(handle, addr, len) in SEND ring; MmioWrite(SEND.TAIL) --------&gt;
 *                           &lt;---------------------------------------------- DmaReadRequest(tx slots), then (addr, len)
 *  DmaReadCompletion(Entries), DmaReadCompletion(Bytes) -----------------&gt; segment, transmit, await ACKs
 *                           &lt;---------------------------------------------- DmaWrite(SendCompletion) + MSI-X
 *  --- flush (claim 8) ---
 *  TerminateOffload(handle, stateAddr, dataAddr); MmioWrite(COMMAND.TAIL) -&gt;
 *                           &lt;---------------------------------------------- DmaWrite(ReceiveCompletion FLUSHED).. (posted buffers back)
 *                           &lt;---------------------------------------------- DmaWrite(dataAddr, Bytes(undelivered))
 *                           &lt;---------------------------------------------- DmaWrite(stateAddr, StateImage)
 *                           &lt;---------------------------------------------- DmaWrite(CommandCompletion) + MSI-X
 *  host stack resumes the connection from the returned CCB
 *  --- close on the card (OffloadFeature.CLOSE_ON_CARD) ---
 *                           &lt;---------------------------------------------- (peer FIN, bytes before it placed)
 *                           &lt;---------------------------------------------- DmaWrite(PeerClosed(bytesCompleted)) EVENT
 *  ToeSend(handle, 0, 0, fin) in SEND ring behind the last data -----------&gt; FIN after the data
 *                           &lt;---------------------------------------------- DmaWrite(SendCompletion) when the FIN is ACKed
 *                           &lt;---------------------------------------------- DmaWrite(UploadRequest(CONNECTION_DONE)) at
 *                                                                           TIME_WAIT / CLOSED; the host flushes it
 * </pre>
 * The adapter may also raise {@link org.toesim.nic.device.DeviceEvent.UploadRequest} (asking for a
 * flush) and {@link org.toesim.nic.device.DeviceEvent.IndicateData} (data placed in an indication
 * buffer because no buffer was posted) on the EVENT ring.
 */
package org.toesim.nic.device;
