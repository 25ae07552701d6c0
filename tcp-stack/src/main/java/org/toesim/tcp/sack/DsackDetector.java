package org.toesim.tcp.sack;

import java.util.List;
import org.toesim.tcp.segment.SackBlock;
import org.toesim.tcp.seq.SeqNum;

/**
 * The data sender's recognition of a D-SACK block (RFC 2883 §4; Linux {@code tcp_check_dsack}):
 * the first SACK block of an ACK reports a duplicate segment when it lies below the cumulative
 * acknowledgment, or when it is contained in the second block.
 *
 * <pre>
 *   ACK a, blocks [l0,r0) [l1,r1) ...
 *     l0 &lt; a                     ─▶ D-SACK (duplicate below the cumulative ACK, §4.1.1)
 *     l1 &lt;= l0 &lt; r0 &lt;= r1         ─▶ D-SACK (duplicate of data held out of order, §4.1.2)
 *     otherwise                  ─▶ ordinary SACK blocks (RFC 2018)
 * </pre>
 *
 * A D-SACK block carries no new SACK information: the scoreboard is fed only the blocks after it
 * ({@link #sackBlocks}), and an ACK whose only news is a D-SACK is not a duplicate ACK.
 */
public final class DsackDetector {
    private DsackDetector() {
    }

    /** Whether the first of {@code blocks} is a D-SACK block for an ACK of {@code ack} (RFC 2883 §4). */
    public static boolean isDsack(int ack, List<SackBlock> blocks) {
        if (blocks.isEmpty()) {
            return false;
        }
        SackBlock b0 = blocks.get(0);
        if (SeqNum.lt(b0.left(), ack)) {
            return true;
        }
        if (blocks.size() < 2) {
            return false;
        }
        SackBlock b1 = blocks.get(1);
        return SeqNum.ge(b0.left(), b1.left()) && SeqNum.le(b0.right(), b1.right());
    }

    /**
     * The blocks that carry SACK information for the scoreboard: all of them, or (when
     * {@code dsack} is on and the first is a D-SACK block) all but the first.
     */
    public static List<SackBlock> sackBlocks(int ack, List<SackBlock> blocks, boolean dsack) {
        if (dsack && isDsack(ack, blocks)) {
            return blocks.subList(1, blocks.size());
        }
        return blocks;
    }
}
