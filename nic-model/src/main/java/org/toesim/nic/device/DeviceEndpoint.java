package org.toesim.nic.device;

/** The adapter side of the bus: receives what the host sends. Implemented by device models. */
public interface DeviceEndpoint {
    /** {@code message} has arrived at the adapter at the simulator's current time. */
    void receive(HostToDevice message);
}
