package org.toesim.tcp.sack;

import java.util.List;
import org.toesim.tcp.segment.SackBlock;

/**
 * The complete state of a {@link SackScoreboard} for a CCB (RFC 6675 §2 variables; every mark
 * an exclusive end, as in the scoreboard).
 *
 * @param smssBytes     SMSS used by IsLost and NextSeg
 * @param dupThresh     DupThresh
 * @param sndUna        HighACK + 1 (SND.UNA)
 * @param highData      HighData + 1 (SND.MAX)
 * @param sacked        SACKed ranges above SND.UNA, ascending, disjoint
 * @param inRecovery    in SACK loss recovery
 * @param rtoFence      an RTO happened; no new recovery until SND.UNA reaches recoveryPoint (§5.1)
 * @param recoveryPoint RecoveryPoint + 1
 * @param highRxt       HighRxt + 1
 * @param rescueRxt     RescueRxt + 1
 * @param rackLost      RACK's lost mark (RFC 8985 §6.2): un-SACKed octets below it are lost
 * @param dupThreshLoss whether the RFC 6675 DupThresh rule marks losses (false when RACK replaced it)
 * @param unaRetransmitted the segment at SND.UNA was retransmitted in this recovery (lost-retransmission
 *                      detection, {@link SackScoreboard#unaRetransmissionLost})
 * @param unaRxtSeq     SND.UNA when it was last retransmitted
 * @param unaRxtHighData HighData + 1 when SND.UNA was last retransmitted
 */
public record ScoreboardSnapshot(int smssBytes, int dupThresh, int sndUna, int highData,
                                 List<SackBlock> sacked, boolean inRecovery, boolean rtoFence,
                                 int recoveryPoint, int highRxt, int rescueRxt, int rackLost,
                                 boolean dupThreshLoss, boolean unaRetransmitted, int unaRxtSeq,
                                 int unaRxtHighData) {
    public ScoreboardSnapshot {
        sacked = List.copyOf(sacked);
    }

    /** A snapshot of a scoreboard RACK never touched, SND.UNA not retransmitted. */
    public ScoreboardSnapshot(int smssBytes, int dupThresh, int sndUna, int highData, List<SackBlock> sacked,
                              boolean inRecovery, boolean rtoFence, int recoveryPoint, int highRxt, int rescueRxt) {
        this(smssBytes, dupThresh, sndUna, highData, sacked, inRecovery, rtoFence, recoveryPoint, highRxt, rescueRxt,
                sndUna, true, false, 0, 0);
    }
}
