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
 */
public record LinkReport(String link, String from, String to, long framesIn, long framesDelivered, long lossDrops,
                         long queueDrops, long downDrops, long corrupted) {
}
