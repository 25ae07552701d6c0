package org.toesim.tcp.sack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.tcp.segment.SackBlock;

/** RFC 2018 §4 block selection; RCV.NXT sits just below 2^32 so the ranges wrap. */
class SackBlockBuilderTest {
    private static final int NXT = 0xFFFF_FC00;

    private static SackBlock b(int from, int to) {
        return new SackBlock(NXT + from, NXT + to);
    }

    @Test
    void firstBlockIsTheLatestSegmentThenTheMostRecentlyReported() {
        SackBlockBuilder sb = new SackBlockBuilder();
        sb.onOutOfOrderSegment(NXT + 1000, NXT + 2000);
        assertEquals(List.of(b(1000, 2000)), sb.build(NXT, List.of(b(1000, 2000)), 4));

        sb.onOutOfOrderSegment(NXT + 3000, NXT + 4000);
        assertEquals(List.of(b(3000, 4000), b(1000, 2000)),
                sb.build(NXT, List.of(b(1000, 2000), b(3000, 4000)), 4));

        sb.onOutOfOrderSegment(NXT + 2000, NXT + 3000);     // fills the gap: one range
        assertEquals(List.of(b(1000, 4000)), sb.build(NXT, List.of(b(1000, 4000)), 4));

        sb.onOutOfOrderSegment(NXT + 5000, NXT + 6000);
        assertEquals(List.of(b(5000, 6000), b(1000, 4000)),
                sb.build(NXT, List.of(b(1000, 4000), b(5000, 6000)), 4));

        // The hole at RCV.NXT is filled: the ACK advances, only 5000-6000 is still held.
        assertEquals(List.of(b(5000, 6000)), sb.build(NXT + 4000, List.of(b(5000, 6000)), 4));
    }

    @Test
    void limitedToThreeBlocksWithTimestampsKeepingTheNewest() {
        SackBlockBuilder sb = new SackBlockBuilder();
        List<SackBlock> held = List.of(b(100, 200), b(300, 400), b(500, 600), b(700, 800), b(900, 1000));
        // Segments arrive in the order 900, 100, 500, 300, 700.
        int[] order = {900, 100, 500, 300, 700};
        List<SackBlock> last = null;
        for (int left : order) {
            sb.onOutOfOrderSegment(NXT + left, NXT + left + 100);
            last = sb.build(NXT, held, SackBlockBuilder.MAX_BLOCKS_WITH_TIMESTAMPS);
        }
        assertEquals(List.of(b(700, 800), b(300, 400), b(500, 600)), last);
        // A pure ACK (no new segment) repeats the most recently reported blocks.
        assertEquals(List.of(b(700, 800), b(300, 400), b(500, 600)),
                sb.build(NXT, held, SackBlockBuilder.MAX_BLOCKS_WITH_TIMESTAMPS));
        assertEquals(List.of(b(700, 800), b(300, 400), b(500, 600), b(100, 200)),
                sb.build(NXT, held, SackBlockBuilder.MAX_BLOCKS));
    }

    @Test
    void historySurvivesASnapshot() {
        SackBlockBuilder a = new SackBlockBuilder();
        a.onOutOfOrderSegment(NXT + 300, NXT + 400);
        a.build(NXT, List.of(b(300, 400)), 4);
        a.onOutOfOrderSegment(NXT + 100, NXT + 200);
        a.build(NXT, List.of(b(100, 200), b(300, 400)), 4);
        SackBlockBuilder restored = new SackBlockBuilder(a.reported());
        List<SackBlock> held = List.of(b(100, 200), b(300, 400), b(500, 600));
        assertEquals(a.build(NXT, held, 4), restored.build(NXT, held, 4));
    }
}
