package org.toesim.host.driver;

import org.toesim.nic.device.DeviceEvent;

/** Receives unsolicited adapter events (upload requests, data indications). */
@FunctionalInterface
public interface DeviceEventListener {
    /** {@code event} was read from the EVENT ring; runs after the host's completion cost on {@code core}. */
    void onDeviceEvent(DeviceEvent event, int core);
}
