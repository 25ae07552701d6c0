package org.toesim.nic.toe;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.toesim.nic.dma.DmaStats;

/**
 * Card-wide statistics of a {@link Toe} (claim 12).
 *
 * @param ccbOccupied            CCBs installed now
 * @param ccbCapacity            CCB slots
 * @param ccbMeanOccupancy       time-weighted mean of installed CCBs
 * @param ccbPeakOccupancy       the most CCBs installed at once
 * @param bufferStarvationSeconds connection-seconds received bytes waited on the card with no
 *                               posted buffer and none indicated, summed over connections
 * @param bufferStarvationEpisodes times a connection started waiting so
 * @param ccbMemoryBytes         card memory held by installed CCBs
 * @param offloadsInstalled      CCBs installed so far
 * @param offloadsRefused        InitiateOffloads refused for a full table
 * @param paths                  classifier verdicts by reason (fast and slow path)
 * @param framesToHost           slow-path frames placed in host NIC buffers
 * @param framesDroppedNoBuffer  slow-path frames dropped: no NIC buffer posted (or too small)
 * @param framesRefusedBusy      received frames dropped because a card core's queue was full
 * @param framesSent             frames the card handed to its MAC
 * @param uploadRequests         upload requests posted
 * @param bytesPlaced            payload bytes DMA-written into posted buffers
 * @param bytesIndicated         payload bytes copied into indication buffers
 * @param sendBytesRead          send data read from host memory (first transmission)
 * @param sendBytesReRead        send data re-read from host memory for retransmissions
 * @param dma                    DMA engine counters
 * @param processorUtilisation   busy fraction of all card cores
 * @param meanWorkQueueDepth     time-weighted waiting work items (all cores)
 * @param pcieUpstreamUtilisation   device-to-host link busy fraction (0 without a link)
 * @param pcieDownstreamUtilisation host-to-device link busy fraction (0 without a link)
 * @param hostClosesOnCard       host FINs the card sent (ToeSend with fin carried out)
 * @param peerClosesOnCard       peer FINs the card processed and announced (PeerClosed)
 * @param indications            IndicateData events written
 * @param bytesIndicationAccepted indicated bytes the host took (the rest stayed on the card)
 */
public record ToeReport(int ccbOccupied, int ccbCapacity, double ccbMeanOccupancy, int ccbPeakOccupancy,
        double bufferStarvationSeconds, long bufferStarvationEpisodes, long ccbMemoryBytes,
        long offloadsInstalled, long offloadsRefused, Map<PathReason, Long> paths, long framesToHost,
        long framesDroppedNoBuffer, long framesRefusedBusy, long framesSent, long uploadRequests, long bytesPlaced,
        long bytesIndicated, long sendBytesRead, long sendBytesReRead, DmaStats dma, double processorUtilisation,
        double meanWorkQueueDepth, double pcieUpstreamUtilisation, double pcieDownstreamUtilisation,
        long hostClosesOnCard, long peerClosesOnCard, long indications, long bytesIndicationAccepted) {
    public ToeReport {
        paths = Collections.unmodifiableMap(new EnumMap<>(paths));
    }

    /** Frames classified to the fast path. */
    public long fastPathFrames() {
        long n = 0;
        for (Map.Entry<PathReason, Long> e : paths.entrySet()) {
            n += e.getKey().isFastPath() ? e.getValue() : 0;
        }
        return n;
    }
}
