/**
 * The plain NIC: the host-stack baseline adapter with queue pairs, receive-side scaling
 * (Toeplitz hash, indirection table), checksum offload, TCP segmentation offload and large
 * receive offload, as a behavioural device model ({@link org.toesim.nic.plain.PlainNic}).
 *
 * <pre>
 *   wire --&gt; MacPort --&gt; RxPath: FCS? --&gt; RssSteering --&gt; queue q --&gt; [LroQueue q]
 *            --&gt; NicBuffer of RECEIVE[q] --&gt; DmaWrite(FrameImage) + NicReceiveCompletion --&gt; MSI-X(q)
 *   host --&gt; SEND[q] --&gt; TxPath: DmaRead(FrameImage) --&gt; TsoSegmenter --&gt; MacPort --&gt; wire
 *            last piece handed to the MAC --&gt; NicSendCompletion --&gt; MSI-X(q)
 * </pre>
 */
package org.toesim.nic.plain;
