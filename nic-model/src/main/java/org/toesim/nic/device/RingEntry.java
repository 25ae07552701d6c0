package org.toesim.nic.device;

/**
 * One slot of a descriptor ring in host memory. Host-written families ({@link ToeCommand},
 * {@link TxDescriptor}, {@link RxDescriptor}) are fetched by the adapter with DMA reads;
 * device-written families ({@link DeviceCompletion}, {@link DeviceEvent}) are written back by
 * DMA writes. Each ring has a fixed slot size ({@link RingId#entryBytes()}), which is what a
 * fetch or write-back of {@code n} entries costs on the bus.
 */
public sealed interface RingEntry permits ToeCommand, TxDescriptor, RxDescriptor, DeviceCompletion, DeviceEvent {
}
