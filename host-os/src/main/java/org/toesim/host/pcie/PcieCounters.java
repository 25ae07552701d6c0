package org.toesim.host.pcie;

/**
 * Traffic seen by a {@link RootComplex} since its last reset, per direction.
 *
 * @param dmaReads          device-to-host: DMA read requests served
 * @param dmaReadBytes      bytes returned by those reads
 * @param dmaWrites         device-to-host: posted DMA writes applied
 * @param dmaWriteBytes     bytes written by them
 * @param interrupts        device-to-host: MSI-X messages dispatched
 * @param mmioReadReplies   device-to-host: register read completions
 * @param mmioWrites        host-to-device: register writes (doorbells, set-up)
 * @param mmioReads         host-to-device: register reads
 */
public record PcieCounters(long dmaReads, long dmaReadBytes, long dmaWrites, long dmaWriteBytes, long interrupts,
        long mmioReadReplies, long mmioWrites, long mmioReads) {
}
