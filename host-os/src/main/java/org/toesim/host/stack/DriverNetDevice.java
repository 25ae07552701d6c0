package org.toesim.host.stack;

import java.util.Objects;
import org.toesim.host.cpu.WorkClass;
import org.toesim.host.driver.AdapterRecord;
import org.toesim.host.driver.NicDriver;
import org.toesim.nic.device.OffloadFeature;
import org.toesim.nic.frame.Frame;

/**
 * The {@link NetDevice} of a host whose NIC is driven by {@link NicDriver}: frames from the
 * driver's NAPI poll go to the stack, the stack's frames go to the driver's transmit queue.
 * Create it after the driver attached (the adapter record says what the NIC offloads).
 *
 * <pre>
 *   NicDriver --FrameReceiver.onFrame(f, core, driver RxInfo)--&gt; RxInfo(checksum, LRO count) --&gt; stack
 *   stack --send(f, core, class, tso)--&gt; NicDriver.send (false: queue stopped; onTxWake --&gt; txReady)
 * </pre>
 */
public final class DriverNetDevice implements NetDevice {
    /** Largest TCP payload handed to a TSO-capable NIC in one segment (IPv4 total length bound). */
    public static final int TSO_MAX_BYTES = 64_000;

    private final NicDriver driver;
    private final DeviceFeatures features;

    public DriverNetDevice(NicDriver driver) {
        this.driver = Objects.requireNonNull(driver, "driver");
        AdapterRecord adapter = driver.adapter();
        if (adapter == null) {
            throw new IllegalStateException("driver " + driver + " has not attached yet");
        }
        boolean tso = adapter.capability().supports(OffloadFeature.SEGMENTATION_OFFLOAD);
        this.features = new DeviceFeatures(driver.config().txChecksumOffload(), tso ? TSO_MAX_BYTES : 0);
    }

    @Override
    public DeviceFeatures features() {
        return features;
    }

    @Override
    public void setReceiver(FrameReceiver receiver) {
        Objects.requireNonNull(receiver, "receiver");
        driver.setFrameReceiver((f, core, info) -> receiver.onFrame(f, core, stackInfo(info)));
    }

    /** The stack's view of the driver's {@code info}: shared constants unless LRO merged segments. */
    private static RxInfo stackInfo(org.toesim.host.driver.RxInfo info) {
        if (info.lroSegments() <= 1) {
            return info.checksumVerified() ? RxInfo.VERIFIED : RxInfo.UNVERIFIED;
        }
        return new RxInfo(info.checksumVerified(), info.lroSegments());
    }

    @Override
    public void setTxReadyListener(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        driver.setTxQueueListener(freeSlots -> listener.run());
    }

    @Override
    public boolean send(Frame frame, int core, WorkClass workClass, int tsoSegmentBytes) {
        return driver.send(frame, core, workClass, tsoSegmentBytes);
    }
}
