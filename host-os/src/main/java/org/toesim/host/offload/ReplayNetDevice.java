package org.toesim.host.offload;

import java.util.Objects;
import org.toesim.host.cpu.WorkClass;
import org.toesim.host.stack.DeviceFeatures;
import org.toesim.host.stack.FrameReceiver;
import org.toesim.host.stack.NetDevice;
import org.toesim.host.stack.RxInfo;
import org.toesim.nic.frame.Frame;

/**
 * A {@link NetDevice} between the host stack and the real device that can hand the stack a
 * frame again: frames held for an offloaded connection (arrived during the handoff, or on the
 * adapter's slow path) are replayed into the stack's normal receive path once the host owns
 * the connection again, paying the normal receive cost.
 *
 * <pre>
 *   device --frame--&gt; ReplayNetDevice --&gt; HostStack.onFrame
 *   HostStackPort.resumeFromCcb --replay(frame)--&gt; HostStack.onFrame (same path, same cost)
 * </pre>
 */
public final class ReplayNetDevice implements NetDevice {
    private final NetDevice device;
    private FrameReceiver receiver;

    public ReplayNetDevice(NetDevice device) {
        this.device = Objects.requireNonNull(device, "device");
    }

    @Override
    public DeviceFeatures features() {
        return device.features();
    }

    @Override
    public void setReceiver(FrameReceiver receiver) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        device.setReceiver(receiver);
    }

    @Override
    public void setTxReadyListener(Runnable listener) {
        device.setTxReadyListener(listener);
    }

    @Override
    public boolean send(Frame frame, int core, WorkClass workClass, int tsoSegmentBytes) {
        return device.send(frame, core, workClass, tsoSegmentBytes);
    }

    /** Hands {@code frame} to the stack again on {@code core} (checksum not verified: the host checks it). */
    public void replay(Frame frame, int core) {
        if (receiver == null) {
            throw new IllegalStateException("no stack attached to replay into");
        }
        receiver.onFrame(frame, core, RxInfo.UNVERIFIED);
    }
}
