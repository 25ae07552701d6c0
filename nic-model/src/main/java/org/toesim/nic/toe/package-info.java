/**
 * The TCP offload engine adapter ({@link org.toesim.nic.toe.Toe}): a SimBricks-style device model
 * that takes over whole TCP connections. It runs the same tcp-stack engine as the host, restored
 * from the CCB the host hands over, on card processor cores with a cycle cost model.
 *
 * <pre>
 *   host                          PCIe                       card
 *   InitiateOffload(handle, CCB) ------------------------&gt;  CcbTable.install, engine restored
 *   PostBuffer(handle, addr, len) -----------------------&gt;  ReceivePath
 *                                                          wire -&gt; Classifier -&gt; fast: CardProcessor -&gt; engine
 *        &lt;---------------- DmaWrite(addr, payload) ------   (no headers), ACK frame -&gt; MAC
 *        &lt;---------------- ReceiveCompletion + MSI-X ----   full / PSH / push timer
 *   ToeSend(handle, addr, len) --------------------------&gt;  SendPath: DMA read, segment, MAC
 *        &lt;---------------- SendCompletion --------------    when the peer acknowledged all of it
 *   TerminateOffload -------------------------------------&gt;  CommandHandler: buffers FLUSHED,
 *        &lt;---------------- data, CCB, CommandCompletion --   undelivered bytes, CCB image
 *   ToeSend(handle, 0, 0, fin) --------------------------&gt;  SendPath: engine close after the data (fin.closesOnCard)
 *        &lt;---------------- PeerClosed(bytesCompleted) ---   the peer's FIN, once the bytes before it are placed
 *        &lt;---------------- UploadRequest(reason) -------    URG, timeout, FIN/RST/SYN, TIME_WAIT, fault;
 *                                                          CONNECTION_DONE (close on the card: TIME_WAIT or CLOSED);
 *                                                          optional (UploadPolicy): no posted buffers,
 *                                                          low activity, high drop/reorder rate
 * </pre>
 * Parts: {@link org.toesim.nic.toe.ToeConfig} (documented defaults),
 * {@link org.toesim.nic.toe.Classifier} and {@link org.toesim.nic.toe.PathReason} (claim 14),
 * {@link org.toesim.nic.toe.CcbTable} (claim 20), {@link org.toesim.nic.toe.CardProcessor}
 * (cores, work queues, utilisation), {@link org.toesim.nic.toe.UploadPolicy} (optional upload
 * requests), the receive and send paths, the command handler, and
 * {@link org.toesim.nic.toe.ToeReport} (claim 12).
 */
package org.toesim.nic.toe;
