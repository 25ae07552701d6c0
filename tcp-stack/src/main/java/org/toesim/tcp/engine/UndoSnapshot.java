package org.toesim.tcp.engine;

import org.toesim.tcp.cc.CcSnapshot;

/**
 * The spurious-recovery undo and F-RTO state of a connection, as carried in a CCB (Linux
 * {@code struct tcp_sock} field names in brackets). Positions are counts from ISS, as in
 * {@link org.toesim.tcp.ccb.ControlBlock.SendState}.
 *
 * @param markerPos          [undo_marker] SND.UNA when the episode began, -1 when nothing can be undone
 * @param retrans            [undo_retrans] retransmissions not yet shown spurious by a D-SACK,
 *                           -1 before the first retransmission of the episode
 * @param priorCwndBytes     [prior_cwnd] cwnd before the reduction
 * @param priorSsthreshBytes [prior_ssthresh] ssthresh before the reduction ({@code tcp_current_ssthresh})
 * @param priorCc            the congestion control's private state before the reduction, null if none
 * @param hasRetransStamp    whether a retransmission was sent in this episode
 * @param retransStampTs     [retrans_stamp] our TSval when the first retransmission of the episode left
 * @param rxtHighPos         end of the highest retransmission of the episode
 * @param loss               [TCP_CA_Loss] the episode began with a retransmission timeout
 * @param highSeqPos         [high_seq] SND.MAX at the timeout (moved by F-RTO step 2b)
 * @param frtoStage          [frto] 0: F-RTO off; 1: waiting for the first ACK after the timeout
 *                           retransmission (RFC 5682 §3.1 step 2); 2: new data sent, waiting for the
 *                           next ACK (step 3)
 */
public record UndoSnapshot(long markerPos, int retrans, long priorCwndBytes, long priorSsthreshBytes,
                           CcSnapshot priorCc, boolean hasRetransStamp, int retransStampTs, long rxtHighPos,
                           boolean loss, long highSeqPos, int frtoStage) {
}
