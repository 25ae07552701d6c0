package org.toesim.scenario.result;

/**
 * A TOE card's own figures over the measured part of the run (after warm-up), in
 * {@code summary.json} under each TOE's {@code nics[].card}; null for a plain NIC.
 *
 * @param coreUtilization         busy fraction of all card cores
 * @param busiestCoreUtilization  busy fraction of the busiest core (a connection runs on one core,
 *                                so this is the one that saturates first)
 * @param meanWorkQueueDepth      time-weighted mean of work items waiting on the cores
 * @param framesRefusedBusy       received frames dropped because a core's queue was full (card
 *                                queue drops: the card was the bottleneck)
 * @param framesDroppedNoBuffer   slow-path frames dropped for want of a posted host NIC buffer
 * @param ccbOccupied             CCBs installed at the end
 * @param ccbCapacity             CCB table slots
 * @param ccbMeanOccupancy        time-weighted mean of installed CCBs over the whole run
 * @param ccbPeakOccupancy        the most CCBs installed at once over the whole run
 * @param bufferStarvationSeconds connection-seconds received bytes waited on the card with no posted
 *                                buffer (and none indicated), summed over connections, whole run
 * @param bufferStarvationEpisodes times a connection started waiting so, whole run
 * @param uploadRequests          upload requests the card posted
 * @param bytesPlaced             payload bytes the card DMA-wrote into posted application buffers
 * @param sendBytesReRead         send data read from host memory again for retransmissions
 * @param hostClosesOnCard        application closes the card carried out (its FIN sent by the card;
 *                                {@code nic.close} card or cardTimeWait)
 * @param peerClosesOnCard        peer FINs the card processed and announced to the host
 * @param indications             received data the card indicated to the host (no posted buffer;
 *                                {@code nic.indications})
 * @param bytesIndicated          payload bytes the card copied into indication buffers
 * @param bytesIndicationAccepted indicated bytes the host took (the rest waited for a posted buffer)
 */
public record CardReport(double coreUtilization, double busiestCoreUtilization, double meanWorkQueueDepth,
                         long framesRefusedBusy, long framesDroppedNoBuffer, int ccbOccupied, int ccbCapacity,
                         double ccbMeanOccupancy, int ccbPeakOccupancy, double bufferStarvationSeconds,
                         long bufferStarvationEpisodes, long uploadRequests, long bytesPlaced, long sendBytesReRead,
                         long hostClosesOnCard, long peerClosesOnCard, long indications, long bytesIndicated,
                         long bytesIndicationAccepted) {
}
