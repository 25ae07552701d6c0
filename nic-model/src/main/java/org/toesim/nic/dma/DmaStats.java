package org.toesim.nic.dma;

/**
 * DMA traffic since the last reset.
 *
 * @param readBytes        bytes read from host memory (completions received)
 * @param writeBytes       bytes written to host memory
 * @param readsCompleted   read transfers completed
 * @param writes           write transfers issued
 * @param readsDelayedForTags reads that had to wait for free tags
 * @param peakTagsInUse    most read tags outstanding at once
 */
public record DmaStats(long readBytes, long writeBytes, long readsCompleted, long writes, long readsDelayedForTags,
        int peakTagsInUse) {
}
