package org.toesim.host.driver;

import org.toesim.nic.device.DmaData;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.FrameCodec;
import org.toesim.tcp.segment.Payload;

/**
 * Frames as their wire bytes ({@link FrameCodec}, Ethernet II / IPv4 / TCP, without FCS):
 * {@link DmaData.Bytes} of a real payload. Exact on the wire, but it costs an array per frame
 * and decoding loses what is not on the wire (frame id; a virtual payload comes back virtual
 * only at stream offset 0). Use it with devices that carry frames as bytes.
 */
public final class CodecFrameContent implements FrameContent {
    @Override
    public DmaData toDma(Frame frame) {
        byte[] b = new byte[frame.lenBytes()];
        FrameCodec.encode(frame, b, 0);
        return new DmaData.Bytes(Payload.real(0, b, 0, b.length));
    }

    @Override
    public Frame toFrame(DmaData content) {
        if (!(content instanceof DmaData.Bytes bytes) || !bytes.payload().hasBytes()) {
            throw new IllegalStateException("receive buffer holds no frame bytes: " + content);
        }
        byte[] b = bytes.payload().toByteArray();
        return FrameCodec.decode(b, 0, b.length);
    }
}
