/**
 * The NIC driver: what the host kernel does to run the adapter. It owns the rings and frame
 * buffers in host memory, programs the adapter's registers, turns interrupts into a NAPI poll
 * with a budget, delivers received frames to the stack ({@link org.toesim.host.driver.FrameReceiver}),
 * transmits frames with batched doorbells and backpressure, and carries the TOE commands,
 * posted receive buffers and send requests with per-request completions. At attach it asks the
 * adapter what it can do and keeps the answer in an {@link org.toesim.host.driver.AdapterRecord}.
 * With several queue pairs (receive-side scaling) each has its own rings, buffers, MSI-X
 * vector, core and NAPI poll; transmit picks a queue per flow so a connection's frames stay in order.
 *
 * <pre>
 *  stack                      NicDriver                              RootComplex / PcieLink / adapter
 *  send(frame, core) -------&gt; tx buffer + NicSend; [DRIVER cycles] --&gt; MmioWrite(SEND.TAIL)
 *                                                                &lt;-- DmaRead(desc), DmaRead(frame)
 *                                                                &lt;-- DmaWrite(NicSendCompletion), MSI-X
 *                             [INTERRUPT] -&gt; NAPI [SOFTIRQ per entry]: reclaim tx buffer
 *                                                                &lt;-- DmaWrite(frame into rx buffer)
 *                                                                &lt;-- DmaWrite(NicReceiveCompletion), MSI-X
 *  onFrame(frame, core, info) &lt;-- [INTERRUPT] -&gt; NAPI: deliver; refill batch -&gt; MmioWrite(RECEIVE.TAIL)
 *                             end of run: MmioWrite(COMPLETION.HEAD)
 *  submit(cmd, cb) ---------&gt; COMMAND ring; [OFFLOAD_COMMAND cycles] -&gt; MmioWrite(COMMAND.TAIL)
 *  cb(completion) &lt;---------- NAPI [COMPLETION cycles] &lt;-- DmaWrite(CommandCompletion), MSI-X
 * </pre>
 */
package org.toesim.host.driver;
