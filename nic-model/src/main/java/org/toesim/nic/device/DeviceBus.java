package org.toesim.nic.device;

/** What the adapter holds to talk to the host: the upstream direction of the PCIe link. */
public interface DeviceBus {
    /** Queues {@code message} for the host (FIFO behind earlier upstream traffic). */
    void sendToHost(DeviceToHost message);
}
