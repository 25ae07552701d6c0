package org.toesim.host.stack;

import org.toesim.nic.frame.Frame;

/** Receives frames from a {@link NetDevice}, on the core that processes that receive queue. */
@FunctionalInterface
public interface FrameReceiver {
    /** {@code frame} arrived; the device's own work for it is done. */
    void onFrame(Frame frame, int core, RxInfo info);
}
