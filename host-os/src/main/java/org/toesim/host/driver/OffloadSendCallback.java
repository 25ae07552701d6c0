package org.toesim.host.driver;

import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.TxDescriptor;

/** Completion of a send request on an offloaded connection. */
@FunctionalInterface
public interface OffloadSendCallback {
    /** The peer acknowledged {@code send}'s bytes; runs after the host's completion cost on {@code core}. */
    void onSendComplete(TxDescriptor.ToeSend send, DeviceCompletion.SendCompletion completion, int core);
}
