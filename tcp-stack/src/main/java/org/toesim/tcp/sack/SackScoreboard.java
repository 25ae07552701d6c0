package org.toesim.tcp.sack;

import java.util.List;
import org.toesim.tcp.segment.SackBlock;
import org.toesim.tcp.seq.SeqNum;

/**
 * The data sender's SACK scoreboard and loss-recovery bookkeeping of RFC 6675 (conservative
 * SACK-based loss recovery), fed by cumulative ACKs and RFC 2018 SACK blocks.
 *
 * <pre>
 *   engine                                  scoreboard
 *   ACK(ack, blocks) ───────────────────▶  update(): HighACK = ack, merge valid blocks   (§4 Update)
 *   new data sent ──────────────────────▶  onNewDataSent(SND.MAX): HighData
 *   3 dupACKs or isLost(SND.UNA) ───────▶  enterRecovery(len): RecoveryPoint, HighRxt,
 *                                           RescueRxt = end of first retransmission      (§5 4.1-4.3)
 *   while cwnd - pipe() &gt;= 1 SMSS ──────▶  nextSeg(canSendNew) ─▶ rule + seq + len     (§4 NextSeg, §5 C)
 *   retransmitted per rule 1/3 ─────────▶  onRetransmitted(seq, len): HighRxt
 *   rescue per rule 4 ──────────────────▶  onRescueRetransmitted(): RescueRxt = RecoveryPoint
 *   ACK covers RecoveryPoint ───────────▶  exitRecovery()
 *   RTO ────────────────────────────────▶  onRetransmissionTimeout()                    (§5.1)
 * </pre>
 *
 * <p>Conventions: all "High*" marks and RecoveryPoint are held as <em>exclusive</em> ends (the
 * sequence number after the octet the RFC names), like SND.MAX; HighACK is SND.UNA. Blocks are
 * ignored if empty, wholly below SND.UNA (e.g. D-SACK, RFC 2883) or reaching beyond HighData;
 * a block straddling SND.UNA is trimmed to it.
 *
 * <p>IsLost (§4): an un-SACKed octet is lost when at least DupThresh discontiguous SACKed
 * segments, or more than (DupThresh - 1) * SMSS SACKed bytes, lie above it. The receiver
 * reports ranges, not segments, so a SACKed range of L bytes counts as ceil(L / SMSS)
 * segments. Because IsLost only grows towards lower sequence numbers, the scoreboard keeps one
 * boundary: every un-SACKed octet below it is lost. Walking from the highest range down to
 * the boundary costs about DupThresh steps per update; pipe and IsLost are O(log n) queries
 * over n SACKed ranges, never a scan of the segments in flight.
 */
public final class SackScoreboard {
    /** DupThresh, RFC 6675 §2 / RFC 5681 §3.2. */
    public static final int DEFAULT_DUP_THRESH = 3;

    /** Which NextSeg() rule (RFC 6675 §4) chose the segment. */
    public enum Rule {
        /** No segment may be sent. */
        NONE,
        /** Rule 1: the first un-SACKed, not yet retransmitted, lost octet. */
        LOST,
        /** Rule 2: new data at HighData (the engine checks the data and the receive window). */
        NEW_DATA,
        /** Rule 3: the first un-SACKed, not yet retransmitted octet below the highest SACK. */
        UNSACKED,
        /** Rule 4: the one rescue retransmission, ending at the highest un-SACKed octet. */
        RESCUE
    }

    private final int smssBytes;
    private final int dupThresh;
    private final SackRanges ranges;
    private int highData;
    private int lostBoundary;
    private boolean inRecovery;
    private boolean rtoFence;
    private int recoveryPoint;
    private int highRxt;
    private int rescueRxt;
    private int nextSegSeq;
    private int nextSegLenBytes;
    /** Whether the segment at SND.UNA was retransmitted in this recovery (and SND.UNA has not moved since). */
    private boolean unaRetransmitted;
    /** SND.UNA when it was last retransmitted. */
    private int unaRxtSeq;
    /** HighData when SND.UNA was last retransmitted: data sent after that retransmission starts here. */
    private int unaRxtHighData;
    /** RACK (RFC 8985 §6.2): every un-SACKed octet below this is lost; SND.UNA when RACK marked none. */
    private int rackLost;
    /** Whether the RFC 6675 DupThresh rule marks losses (off when RACK replaced it, Linux 6.x). */
    private boolean dupThreshLoss = true;

    /** A scoreboard for a connection whose SND.UNA = SND.MAX = {@code sndUna}. */
    public SackScoreboard(int smssBytes, int dupThresh, int sndUna) {
        if (smssBytes <= 0 || dupThresh <= 0) {
            throw new IllegalArgumentException("SMSS " + smssBytes + " and DupThresh " + dupThresh + " must be > 0");
        }
        this.smssBytes = smssBytes;
        this.dupThresh = dupThresh;
        this.ranges = new SackRanges(sndUna);
        this.highData = sndUna;
        this.lostBoundary = sndUna;
        this.recoveryPoint = sndUna;
        this.highRxt = sndUna;
        this.rescueRxt = sndUna;
        this.rackLost = sndUna;
    }

    /** A scoreboard with DupThresh 3. */
    public SackScoreboard(int smssBytes, int sndUna) {
        this(smssBytes, DEFAULT_DUP_THRESH, sndUna);
    }

    /** A scoreboard with exactly the state of {@code snap}. */
    public static SackScoreboard restore(ScoreboardSnapshot snap) {
        SackScoreboard sb = new SackScoreboard(snap.smssBytes(), snap.dupThresh(), snap.sndUna());
        sb.highData = snap.highData();
        for (SackBlock b : snap.sacked()) {
            sb.ranges.insert(b.left(), b.right());
        }
        sb.inRecovery = snap.inRecovery();
        sb.rtoFence = snap.rtoFence();
        sb.recoveryPoint = snap.recoveryPoint();
        sb.highRxt = snap.highRxt();
        sb.rescueRxt = snap.rescueRxt();
        sb.rackLost = snap.rackLost();
        sb.dupThreshLoss = snap.dupThreshLoss();
        sb.unaRetransmitted = snap.unaRetransmitted();
        sb.unaRxtSeq = snap.unaRxtSeq();
        sb.unaRxtHighData = snap.unaRxtHighData();
        sb.recomputeLostBoundary();
        return sb;
    }

    /**
     * Update() of RFC 6675 §4 for one arriving ACK: advances HighACK to {@code ack} (if it is
     * new and not beyond HighData) and marks the valid blocks SACKed. Returns the number of
     * bytes newly SACKed by this ACK (&gt; 0 makes it a "duplicate ACK" in the §2 sense when
     * the ACK did not advance SND.UNA).
     */
    public long update(int ack, List<SackBlock> blocks) {
        int una = ranges.base();
        if (SeqNum.gt(ack, una) && SeqNum.le(ack, highData)) {
            ranges.advanceBase(ack);
            una = ack;
            highRxt = SeqNum.max(highRxt, una);
            rackLost = SeqNum.max(rackLost, una);
        }
        long newly = 0;
        for (int k = 0; k < blocks.size(); k++) {
            SackBlock b = blocks.get(k);
            int left = b.left();
            int right = b.right();
            if (!SeqNum.lt(left, right) || SeqNum.le(right, una) || SeqNum.gt(right, highData)) {
                continue;
            }
            newly += ranges.insert(SeqNum.max(left, una), right);
        }
        recomputeLostBoundary();
        return newly;
    }

    /** New data was sent up to SND.MAX = {@code sndMax} (exclusive); HighData follows it. */
    public void onNewDataSent(int sndMax) {
        highData = SeqNum.max(highData, sndMax);
    }

    private void recomputeLostBoundary() {
        lostBoundary = dupThreshLoss ? dupThreshBoundary() : ranges.base();
        if (SeqNum.gt(rackLost, lostBoundary) && SeqNum.le(rackLost, highData)) {
            lostBoundary = rackLost;
        }
    }

    private int dupThreshBoundary() {
        long bytes = 0;
        long segs = 0;
        long byteLimit = (long) (dupThresh - 1) * smssBytes;
        for (int i = ranges.count() - 1; i >= 0; i--) {
            long len = ranges.lenBytes(i);
            bytes += len;
            segs += (len + smssBytes - 1) / smssBytes;
            if (segs >= dupThresh || bytes > byteLimit) {
                return ranges.left(i);
            }
        }
        return ranges.base();
    }

    /**
     * RACK marked every un-SACKed octet below {@code seq} lost (RFC 8985 §6.2 step 5); with
     * {@code dupThreshRule} false the RFC 6675 IsLost rule no longer marks any (Linux 6.x: RACK
     * replaces it, {@code tcp_rack_mark_lost} instead of {@code tcp_mark_head_lost}). The lost
     * boundary only moves up within a recovery; IsLost, pipe and NextSeg follow it.
     */
    public void setRackLost(int seq, boolean dupThreshRule) {
        dupThreshLoss = dupThreshRule;
        if (SeqNum.gt(seq, rackLost) || SeqNum.lt(rackLost, ranges.base())) {
            rackLost = seq;
        }
        recomputeLostBoundary();
    }

    /** The highest SACKed octet's end (exclusive), SND.UNA when nothing is SACKed. */
    public int highestSacked() {
        int count = ranges.count();
        return count > 0 ? ranges.right(count - 1) : ranges.base();
    }

    /** IsLost(seq) of RFC 6675 §4; false for SACKed octets and at or above HighData. */
    public boolean isLost(int seq) {
        return SeqNum.ge(seq, ranges.base()) && SeqNum.lt(seq, lostBoundary) && ranges.indexContaining(seq) < 0;
    }

    /** Whether octet {@code seq} has been SACKed (and not yet cumulatively acknowledged). */
    public boolean isSacked(int seq) {
        return SeqNum.ge(seq, ranges.base()) && ranges.indexContaining(seq) >= 0;
    }

    /**
     * SetPipe() of RFC 6675 §4: over the un-SACKed octets of [HighACK, HighData), one for each
     * octet not lost (still in the network) plus one for each octet retransmitted (below
     * HighRxt). Computed in O(log n) from the lost boundary and the range sums.
     */
    public long pipeBytes() {
        int una = ranges.base();
        long notLost = unsackedBytes(SeqNum.max(lostBoundary, una), highData);
        long rxt = unsackedBytes(una, SeqNum.min(SeqNum.max(highRxt, una), highData));
        return notLost + rxt;
    }

    private long unsackedBytes(int from, int to) {
        if (!SeqNum.lt(from, to)) {
            return 0;
        }
        return SeqNum.distance(from, to) - (ranges.sackedBelow(to) - ranges.sackedBelow(from));
    }

    /**
     * NextSeg() of RFC 6675 §4: picks the next segment to send during loss recovery by rules
     * (1)-(4) and returns the rule; {@link #nextSegSeq()} and {@link #nextSegLenBytes()} then
     * give it. {@code canSendNewData}: unsent data is available and the receive window allows
     * it (rule 2's condition, known only to the engine). Pure query: call
     * {@link #onRetransmitted} / {@link #onRescueRetransmitted} after sending.
     */
    public Rule nextSeg(boolean canSendNewData) {
        int count = ranges.count();
        if (count > 0) {
            int highestSacked = ranges.right(count - 1);
            int s = firstUnsackedAtOrAbove(SeqNum.max(highRxt, ranges.base()));
            if (SeqNum.lt(s, highestSacked)) {
                boolean lost = SeqNum.lt(s, lostBoundary);
                if (lost || !canSendNewData) {
                    setNext(s, holeEnd(s));
                    return lost ? Rule.LOST : Rule.UNSACKED;
                }
            }
        }
        if (canSendNewData) {
            nextSegSeq = highData;
            nextSegLenBytes = smssBytes;
            return Rule.NEW_DATA;
        }
        return rescue();
    }

    private Rule rescue() {
        int una = ranges.base();
        if (!inRecovery || !SeqNum.gt(una, rescueRxt)) {
            return Rule.NONE;
        }
        int count = ranges.count();
        int end = highData;
        int below = count - 1;
        if (count > 0 && ranges.right(count - 1) == highData) {
            end = ranges.left(count - 1);
            below = count - 2;
        }
        if (!SeqNum.lt(una, end)) {
            return Rule.NONE;
        }
        int holeStart = below >= 0 ? ranges.right(below) : una;
        long len = Math.min(smssBytes, SeqNum.distance(holeStart, end));
        nextSegSeq = SeqNum.add(end, -len);
        nextSegLenBytes = (int) len;
        return Rule.RESCUE;
    }

    private void setNext(int seq, int holeEnd) {
        nextSegSeq = seq;
        nextSegLenBytes = (int) Math.min(smssBytes, SeqNum.distance(seq, holeEnd));
    }

    /** The first octet at or above {@code seq} that is not SACKed. */
    public int firstUnsackedAtOrAbove(int seq) {
        int i = ranges.indexContaining(seq);
        return i < 0 ? seq : ranges.right(i);
    }

    /** End (exclusive) of the un-SACKed run starting at {@code seq}: the next SACKed range or HighData. */
    public int holeEnd(int seq) {
        int i = ranges.firstRightAtOrAbove(ranges.off(seq) + 1);
        return i < ranges.count() ? ranges.left(i) : highData;
    }

    /** Start of the segment chosen by the last {@link #nextSeg}. */
    public int nextSegSeq() {
        return nextSegSeq;
    }

    /** Length of the segment chosen by the last {@link #nextSeg} (at most SMSS). */
    public int nextSegLenBytes() {
        return nextSegLenBytes;
    }

    /**
     * Enters loss recovery (RFC 6675 §5 steps 4.1 and 4.3): RecoveryPoint = HighData, and
     * HighRxt = RescueRxt = end of the first retransmission {@code [SND.UNA, SND.UNA + len)},
     * which the engine sends now.
     */
    public void enterRecovery(int firstRetransmitLenBytes) {
        int una = ranges.base();
        inRecovery = true;
        rtoFence = false;
        recoveryPoint = highData;
        highRxt = SeqNum.add(una, firstRetransmitLenBytes);
        rescueRxt = highRxt;
        noteUnaRetransmitted();
    }

    private void noteUnaRetransmitted() {
        unaRetransmitted = true;
        unaRxtSeq = ranges.base();
        unaRxtHighData = highData;
    }

    /**
     * Lost retransmission detection (the rule of RFC 8985 section 6.2 applied to SND.UNA, as
     * Linux's {@code tcp_mark_lost_retrans} did before RACK): in recovery, the retransmission of
     * SND.UNA is lost when SND.UNA is still un-SACKed and more than DupThresh - 1 segments of
     * data sent <em>after</em> that retransmission have been SACKed. RFC 6675 alone never
     * retransmits an octet twice before the RTO, so one lost retransmission used to idle the
     * connection for a whole retransmission timeout (200 ms and more, doubled each time).
     * The engine then retransmits SND.UNA again ({@link #onRetransmitted}).
     */
    public boolean unaRetransmissionLost() {
        int una = ranges.base();
        if (!inRecovery || !unaRetransmitted || una != unaRxtSeq || isSacked(una)
                || !SeqNum.lt(unaRxtHighData, highData)) {
            return false;
        }
        long sackedAfter = ranges.sackedBelow(highData) - ranges.sackedBelow(SeqNum.max(unaRxtHighData, una));
        return sackedAfter > (long) (dupThresh - 1) * smssBytes;
    }

    /**
     * Whether a new recovery phase may start (RFC 6675 §5.1: not in recovery, and after an RTO
     * only once HighACK reached the RecoveryPoint set then).
     */
    public boolean mayEnterRecovery() {
        return !inRecovery && (!rtoFence || SeqNum.ge(ranges.base(), recoveryPoint));
    }

    /** A retransmission by rule (1) or (3) was sent: HighRxt moves to its end (§5 step C.1). */
    public void onRetransmitted(int seq, int lenBytes) {
        highRxt = SeqNum.max(highRxt, SeqNum.add(seq, lenBytes));
        if (seq == ranges.base()) {
            noteUnaRetransmitted();
        }
    }

    /** The rule (4) rescue retransmission was sent: RescueRxt = RecoveryPoint; HighRxt unchanged. */
    public void onRescueRetransmitted() {
        rescueRxt = recoveryPoint;
    }

    /** Loss recovery ended (the cumulative ACK covered RecoveryPoint, RFC 6675 §5 step 4.1). */
    public void exitRecovery() {
        inRecovery = false;
        unaRetransmitted = false;
    }

    /** Whether SND.UNA has reached the RecoveryPoint. */
    public boolean recoveryPointAcked() {
        return SeqNum.ge(ranges.base(), recoveryPoint);
    }

    /**
     * The retransmission timer expired (RFC 6675 §5.1): RecoveryPoint = HighData, recovery
     * ends, and no new recovery starts until HighACK reaches it. HighRxt restarts at SND.UNA.
     *
     * <p>The SACKed ranges are expunged: the timeout may mean the receiver reneged, so RFC 2018
     * §8 says the sender SHOULD turn off the SACKed bits and MUST ignore prior SACK information
     * when choosing what to retransmit (RFC 6675 §5.1 leaves that rule unchanged). SACK blocks
     * arriving after the timeout are recorded again, and RFC 6675 §5.1 says the sender SHOULD
     * use them during the recovery that follows: the engine's go-back retransmission skips
     * octets they cover ({@link #isSacked}, {@link #firstUnsackedAtOrAbove}, {@link #holeEnd}).
     */
    public void onRetransmissionTimeout() {
        recoveryPoint = highData;
        inRecovery = false;
        unaRetransmitted = false;
        rtoFence = true;
        highRxt = ranges.base();
        ranges.clear();
        rackLost = ranges.base();
        lostBoundary = ranges.base();
    }

    /**
     * The timeout was judged spurious and undone (Linux {@code tcp_try_undo_loss}: CA state back
     * to Open): the fence that kept a new recovery from starting before RecoveryPoint goes, so
     * segments really lost in the same window are repaired by SACK recovery, RACK or a loss
     * probe instead of a second timeout.
     */
    public void onTimeoutUndone() {
        rtoFence = false;
    }

    /** SACKed bytes in [SND.UNA, {@code seq}); {@code seq} at or above SND.UNA. */
    public long sackedBytesBelow(int seq) {
        return SeqNum.gt(seq, ranges.base()) ? ranges.sackedBelow(seq) : 0;
    }

    /** HighACK + 1 in RFC terms: SND.UNA. */
    public int sndUna() {
        return ranges.base();
    }

    /** HighData as an exclusive end (SND.MAX). */
    public int highData() {
        return highData;
    }

    /** HighRxt as an exclusive end. */
    public int highRxt() {
        return highRxt;
    }

    /** RescueRxt as an exclusive end. */
    public int rescueRxt() {
        return rescueRxt;
    }

    /** RecoveryPoint as an exclusive end. */
    public int recoveryPoint() {
        return recoveryPoint;
    }

    public boolean inRecovery() {
        return inRecovery;
    }

    /** Bytes SACKed above SND.UNA. */
    public long sackedBytes() {
        return ranges.totalBytes();
    }

    /** Number of disjoint SACKed ranges. */
    public int sackedRangeCount() {
        return ranges.count();
    }

    /** Every un-SACKed octet in [SND.UNA, this) is lost (IsLost); SND.UNA when none is. */
    public int lostBoundary() {
        return lostBoundary;
    }

    public ScoreboardSnapshot snapshot() {
        return new ScoreboardSnapshot(smssBytes, dupThresh, ranges.base(), highData, ranges.toBlocks(),
                inRecovery, rtoFence, recoveryPoint, highRxt, rescueRxt, rackLost, dupThreshLoss, unaRetransmitted,
                unaRxtSeq, unaRxtHighData);
    }
}
