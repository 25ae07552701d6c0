package org.toesim.scenario.result;

/**
 * One direction of one link in {@code summary.json}: what entered it and where frames were lost,
 * so a run's retransmissions can be set against the drops that caused them.
 *
 * @param link            link name
 * @param from            the node sending in this direction
 * @param to              the node receiving
 * @param framesIn        frames the link took from the sending port
 * @param framesDelivered frames handed to the receiving port (duplicates included)
 * @param lossDrops       frames lost to the random-loss impairment (Bernoulli or Gilbert-Elliott)
 * @param queueDrops      frames the sending port's output queue refused (drop-tail: a switch
 *                        port's queue, or a host's link end; a host's qdisc drops are in
 *                        {@link HostReport#qdiscDrops()})
 * @param downDrops       frames lost while the link was down
 * @param corrupted       frames delivered with bit errors (the receiver discards them)
 * @param aqm             the sending port's queue discipline: droptail, step, red or codel
 * @param ecnMarks        frames that queue's AQM marked CE (RFC 3168) instead of dropping them
 * @param aqmDrops        frames that queue's AQM dropped early (not counted in {@code queueDrops})
 * @param meanQueuedFrames time-weighted mean of the frames waiting in that queue
 * @param meanSojournPs   mean time a frame sent waited in that queue, ps (0 for a frame that
 *                        found the line idle)
 */
public record LinkReport(String link, String from, String to, long framesIn, long framesDelivered, long lossDrops,
                         long queueDrops, long downDrops, long corrupted, String aqm, long ecnMarks, long aqmDrops,
                         double meanQueuedFrames, double meanSojournPs) {
    /** A drop-tail direction without queue statistics (hand-built summaries). */
    public LinkReport(String link, String from, String to, long framesIn, long framesDelivered, long lossDrops,
                      long queueDrops, long downDrops, long corrupted) {
        this(link, from, to, framesIn, framesDelivered, lossDrops, queueDrops, downDrops, corrupted, "droptail", 0, 0,
                0, 0);
    }
}
