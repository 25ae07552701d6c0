package org.toesim.nic.device;

/** The host side of the bus (root complex and memory): receives what the adapter sends. Implemented by host-os. */
public interface HostEndpoint {
    /** {@code message} has arrived at the root complex at the simulator's current time. */
    void receive(DeviceToHost message);
}
