package org.toesim.host.driver;

import org.toesim.nic.frame.Frame;

/** The upper layer (host stack) that takes received frames from the driver. */
@FunctionalInterface
public interface FrameReceiver {
    /**
     * A frame arrived; called at the end of the driver's per-descriptor work in the NAPI poll
     * (SOFTIRQ on {@code core}). Protocol work should be submitted on {@code core}.
     */
    void onFrame(Frame frame, int core, RxInfo info);
}
