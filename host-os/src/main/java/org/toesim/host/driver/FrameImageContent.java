package org.toesim.host.driver;

import org.toesim.nic.device.DmaData;
import org.toesim.nic.frame.Frame;

/**
 * Frames as typed buffer content, {@link DmaData.FrameImage}: what the plain NIC reads from a
 * transmit buffer and writes into a receive buffer. One small record per frame, no bytes.
 */
public final class FrameImageContent implements FrameContent {
    @Override
    public DmaData toDma(Frame frame) {
        return new DmaData.FrameImage(frame);
    }

    @Override
    public Frame toFrame(DmaData content) {
        if (content instanceof DmaData.FrameImage image) {
            return image.frame();
        }
        throw new IllegalStateException("receive buffer holds no frame: " + content);
    }
}
