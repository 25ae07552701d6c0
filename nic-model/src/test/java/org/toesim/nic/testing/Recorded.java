package org.toesim.nic.testing;

import org.toesim.nic.device.DeviceToHost;

/** A device-to-host message and the instant it reached the host. */
public record Recorded(long atPs, DeviceToHost message) {
}
