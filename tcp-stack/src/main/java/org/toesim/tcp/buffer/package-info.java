/**
 * Byte buffers of a TCP connection addressed by stream offset: the send buffer (queued and
 * unacknowledged data), the receive buffer (in-order data not yet read) and the bounded
 * reassembly queue (data beyond RCV.NXT). Virtual payloads stay one run however large.
 *
 * <pre>
 *   app ─send─▶ SendBuffer ─slice─▶ segments ... segments ─▶ ReassemblyQueue ─▶ ReceiveBuffer ─read─▶ app
 *                  ▲ releaseTo(SND.UNA)                           (out of order)   (in order)
 * </pre>
 */
package org.toesim.tcp.buffer;
