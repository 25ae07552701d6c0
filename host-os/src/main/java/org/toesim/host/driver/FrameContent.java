package org.toesim.host.driver;

import org.toesim.nic.device.DmaData;
import org.toesim.nic.frame.Frame;

/**
 * How a frame is represented in a host buffer, in the typed DMA content both sides agree on.
 * The driver writes {@link #toDma} into a transmit buffer and reads {@link #toFrame} from a
 * receive buffer the adapter filled.
 */
public interface FrameContent {
    /** The buffer content that holds {@code frame}. */
    DmaData toDma(Frame frame);

    /** The frame in {@code content}. */
    Frame toFrame(DmaData content);
}
