package org.toesim.nic.device;

/** What the host holds to talk to its adapter: the downstream direction of the PCIe link. */
public interface HostBus {
    /** Queues {@code message} for the device (FIFO behind earlier downstream traffic). */
    void sendToDevice(HostToDevice message);
}
