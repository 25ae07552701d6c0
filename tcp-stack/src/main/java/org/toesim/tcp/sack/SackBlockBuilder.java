package org.toesim.tcp.sack;

import java.util.ArrayList;
import java.util.List;
import org.toesim.tcp.segment.SackBlock;
import org.toesim.tcp.seq.SeqNum;

/**
 * The data receiver's choice of SACK blocks for an outgoing ACK, RFC 2018 §4.
 *
 * <pre>
 *   out-of-order segment [l, r) queued ─▶ onOutOfOrderSegment(l, r)
 *   ACK to send ─▶ build(rcvNxt, held ranges, maxBlocks)
 *        block 1: the held range containing the most recent out-of-order segment
 *                 (omitted when that segment has since been cumulatively acknowledged)
 *        then:    the held ranges containing the most recently reported blocks, newest first,
 *                 skipping any already included (no block is a subset of an earlier one)
 *        then:    any other held ranges, ascending, until maxBlocks
 *   duplicate segment [l, r) (D-SACK on, RFC 2883 §4) ─▶ onDuplicateSegment(l, r):
 *        the next ACK's first block is [l, r), before all of the above, reported once
 * </pre>
 *
 * {@code maxBlocks} is 4 without and 3 with the timestamps option (40 option bytes, RFC 2018
 * §3). The engine owns the reassembly queue and passes its ranges; this class only remembers
 * what it reported, newest first (at most {@link #HISTORY} entries). Ranges at or below RCV.NXT
 * are never reported. {@link #reported()} is the state to carry in a CCB; the pending "latest
 * segment" and the pending D-SACK block are transient (set by a segment, consumed by the ACK it
 * triggers at once) and are not exported.
 */
public final class SackBlockBuilder {
    /** Blocks remembered from earlier ACKs. */
    public static final int HISTORY = 4;
    /** Most SACK blocks with timestamps in use. */
    public static final int MAX_BLOCKS_WITH_TIMESTAMPS = 3;
    /** Most SACK blocks without timestamps. */
    public static final int MAX_BLOCKS = 4;

    private final List<SackBlock> reported = new ArrayList<>(HISTORY + 1);
    private SackBlock latestSegment;
    private SackBlock duplicate;

    /** A builder with no history. */
    public SackBlockBuilder() {
    }

    /** A builder that remembers {@code reportedNewestFirst} (from {@link #reported()}). */
    public SackBlockBuilder(List<SackBlock> reportedNewestFirst) {
        for (int i = 0; i < reportedNewestFirst.size() && i < HISTORY; i++) {
            reported.add(reportedNewestFirst.get(i));
        }
    }

    /** Records the arrival of an out-of-order segment occupying {@code [left, right)}. */
    public void onOutOfOrderSegment(int left, int right) {
        latestSegment = new SackBlock(left, right);
    }

    /**
     * Records the arrival of a duplicate segment {@code [left, right)}: below RCV.NXT, or data
     * already held out of order. The next ACK reports it as a D-SACK block, first (RFC 2883 §4,
     * Linux {@code tcp_dsack_set}); a later duplicate before that ACK replaces it.
     */
    public void onDuplicateSegment(int left, int right) {
        duplicate = new SackBlock(left, right);
    }

    /** Whether a D-SACK block waits for the next ACK. */
    public boolean hasDuplicate() {
        return duplicate != null;
    }

    /**
     * The SACK blocks for the next ACK.
     *
     * @param rcvNxt      RCV.NXT after processing the segment that triggered the ACK
     * @param heldRanges  the out-of-order ranges the receiver holds, ascending, disjoint
     * @param maxBlocks   {@link #MAX_BLOCKS} or {@link #MAX_BLOCKS_WITH_TIMESTAMPS}
     */
    public List<SackBlock> build(int rcvNxt, List<SackBlock> heldRanges, int maxBlocks) {
        List<SackBlock> out = new ArrayList<>(maxBlocks);
        int first = 0;
        if (duplicate != null) {
            out.add(duplicate); // RFC 2883 §4 (1): the D-SACK block is the first block
            duplicate = null;
            first = 1;
        }
        if (latestSegment != null) {
            addContaining(out, first, rcvNxt, heldRanges, latestSegment.left(), maxBlocks);
            latestSegment = null;
        }
        for (int i = 0; i < reported.size(); i++) {
            addContaining(out, first, rcvNxt, heldRanges, reported.get(i).left(), maxBlocks);
        }
        for (int i = 0; i < heldRanges.size() && out.size() < maxBlocks; i++) {
            SackBlock r = heldRanges.get(i);
            if (SeqNum.gt(r.left(), rcvNxt) && !containsFrom(out, first, r)) {
                out.add(r);
            }
        }
        reported.clear();
        for (int i = first; i < out.size() && reported.size() < HISTORY; i++) {
            reported.add(out.get(i));
        }
        return out;
    }

    private static void addContaining(List<SackBlock> out, int first, int rcvNxt, List<SackBlock> held, int seq,
                                      int maxBlocks) {
        if (out.size() >= maxBlocks || SeqNum.le(seq, rcvNxt)) {
            return;
        }
        SackBlock r = find(held, rcvNxt, seq);
        if (r != null && SeqNum.gt(r.left(), rcvNxt) && !containsFrom(out, first, r)) {
            out.add(r);
        }
    }

    private static boolean containsFrom(List<SackBlock> out, int first, SackBlock r) {
        for (int i = first; i < out.size(); i++) {
            if (out.get(i).equals(r)) {
                return true;
            }
        }
        return false;
    }

    /** Binary search for the held range containing {@code seq}, ordering by offset from rcvNxt. */
    private static SackBlock find(List<SackBlock> held, int rcvNxt, int seq) {
        int lo = 0;
        int hi = held.size() - 1;
        int o = seq - rcvNxt;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            SackBlock r = held.get(mid);
            if (r.right() - rcvNxt <= o) {
                lo = mid + 1;
            } else if (r.left() - rcvNxt > o) {
                hi = mid - 1;
            } else {
                return r;
            }
        }
        return null;
    }

    /** The blocks reported in the last ACK, newest first (for a CCB snapshot). */
    public List<SackBlock> reported() {
        return List.copyOf(reported);
    }
}
