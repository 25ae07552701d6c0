package org.toesim.host.stack;

import org.toesim.host.cpu.WorkClass;
import org.toesim.nic.frame.Frame;

/**
 * What the host stack needs from the network device below it (the NIC driver): send a frame,
 * hear about received frames, learn what the device offloads. The driver (branch
 * {@code host-driver}) adapts to this; tests use a wire-backed implementation.
 *
 * <pre>
 *   HostStack --send(frame, core, class, tso)--&gt; device   (false: ring full, retry on txReady)
 *   HostStack &lt;--onFrame(frame, core, RxInfo)-------- device   (after the driver's own rx work)
 * </pre>
 */
public interface NetDevice {
    /** What this device offloads. */
    DeviceFeatures features();

    /** The single receiver of frames addressed to this host. */
    void setReceiver(FrameReceiver receiver);

    /** Called when a send refused with {@code false} may be retried. */
    void setTxReadyListener(Runnable listener);

    /**
     * Hands {@code frame} to the device for transmission; the stack has already charged its own
     * per-segment cost on {@code core}; the device's own work (descriptor, doorbell) runs there
     * in {@code workClass}.
     *
     * @param tsoSegmentBytes 0 for a frame sent as is; otherwise the payload size the device
     *                        cuts this large segment into (TCP segmentation offload)
     * @return false when the device cannot take the frame now (backpressure)
     */
    boolean send(Frame frame, int core, WorkClass workClass, int tsoSegmentBytes);
}
