package org.toesim.host.driver;

import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.RxDescriptor;

/** Completion of a posted receive buffer of an offloaded connection. */
@FunctionalInterface
public interface OffloadReceiveCallback {
    /** The adapter handed {@code buffer} back; runs after the host's completion cost on {@code core}. */
    void onReceiveComplete(RxDescriptor.PostBuffer buffer, DeviceCompletion.ReceiveCompletion completion, int core);
}
