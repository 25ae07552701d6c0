package org.toesim.tcp.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.toesim.tcp.segment.Payload;

/**
 * Out-of-order received data (RFC 9293 §3.10.7.4 "seventh, process the segment text": segments
 * beyond RCV.NXT but within the window are held for later delivery). Keyed by stream offset,
 * ranges never overlap (a new segment is trimmed against what is already held). Bounded by the
 * number of discontiguous ranges (islands between gaps), not of segments: a long run of
 * contiguous segments beyond one hole is one island. When there are more islands than allowed,
 * the island furthest from RCV.NXT is dropped whole (reneging, allowed by RFC 2018 §8 and
 * recovered by the sender's RTO).
 *
 * <pre>
 *   RCV.NXT        held             held
 *     |  (gap)  [■■■■■■]  (gap)  [■■■■]     ... window right edge
 * </pre>
 */
public final class ReassemblyQueue {
    /** Held pieces by stream offset; made at the first out-of-order segment (most connections see none). */
    private TreeMap<Long, Payload> ranges;
    private final int maxRanges;
    private long heldBytes;
    /** Discontiguous ranges held: what {@code maxRanges} bounds. */
    private int islands;

    public ReassemblyQueue(int maxRanges) {
        this.maxRanges = maxRanges;
    }

    public boolean isEmpty() {
        return ranges == null || ranges.isEmpty();
    }

    /** Discontiguous ranges held (held data separated by gaps). */
    public int rangeCount() {
        return islands;
    }

    public long heldBytes() {
        return heldBytes;
    }

    /**
     * Holds the new parts of {@code p}; returns the number of new bytes stored.
     */
    public long insert(Payload p) {
        if (ranges == null) {
            ranges = new TreeMap<>();
        }
        long start = p.streamOffset();
        long end = p.endOffset();
        long added = 0;
        Map.Entry<Long, Payload> before = ranges.floorEntry(start);
        if (before != null && before.getValue().endOffset() > start) {
            start = before.getValue().endOffset();
        }
        long pos = start;
        while (pos < end) {
            Map.Entry<Long, Payload> next = ranges.ceilingEntry(pos);
            long gapEnd = next == null ? end : Math.min(end, next.getKey());
            if (gapEnd > pos) {
                Payload piece = p.slice((int) (pos - p.streamOffset()), (int) (gapEnd - pos));
                put(pos, piece);
                heldBytes += piece.lenBytes();
                added += piece.lenBytes();
            }
            pos = next == null ? end : Math.max(gapEnd, next.getValue().endOffset());
        }
        while (islands > maxRanges) {
            Map.Entry<Long, Payload> last = ranges.pollLastEntry();
            heldBytes -= last.getValue().lenBytes();
            Map.Entry<Long, Payload> prev = ranges.lastEntry();
            if (prev == null || prev.getValue().endOffset() != last.getKey()) {
                islands--; // the furthest island is gone entirely
            }
        }
        return added;
    }

    /** Stores a piece that overlaps nothing held, joining the islands it touches. */
    private void put(long pos, Payload piece) {
        Map.Entry<Long, Payload> prev = ranges.lowerEntry(pos);
        Map.Entry<Long, Payload> next = ranges.higherEntry(pos);
        boolean joinsPrev = prev != null && prev.getValue().endOffset() == pos;
        boolean joinsNext = next != null && next.getKey() == piece.endOffset();
        islands += 1 - (joinsPrev ? 1 : 0) - (joinsNext ? 1 : 0);
        ranges.put(pos, piece);
    }

    /**
     * Removes and returns the next in-order piece at {@code rcvOffset} (trimmed to start there),
     * or null when the first held range starts later. Ranges wholly below are discarded.
     */
    public Payload pollAt(long rcvOffset) {
        while (!isEmpty()) {
            Map.Entry<Long, Payload> first = ranges.firstEntry();
            Payload p = first.getValue();
            if (first.getKey() > rcvOffset) {
                return null;
            }
            ranges.pollFirstEntry();
            heldBytes -= p.lenBytes();
            Map.Entry<Long, Payload> next = ranges.firstEntry();
            if (next == null || next.getKey() != p.endOffset()) {
                islands--;
            }
            if (p.endOffset() > rcvOffset) {
                return p.slice((int) (rcvOffset - p.streamOffset()), (int) (p.endOffset() - rcvOffset));
            }
        }
        return null;
    }

    /** Held ranges coalesced into maximal contiguous [start, end) pairs, ascending. */
    public List<long[]> coalescedRanges() {
        List<long[]> out = new ArrayList<>();
        if (ranges == null) {
            return out;
        }
        for (Payload p : ranges.values()) {
            if (!out.isEmpty() && out.get(out.size() - 1)[1] == p.streamOffset()) {
                out.get(out.size() - 1)[1] = p.endOffset();
            } else {
                out.add(new long[] {p.streamOffset(), p.endOffset()});
            }
        }
        return out;
    }

    /** The held runs, ascending (for a CCB). */
    public List<Payload> runs() {
        return ranges == null ? new ArrayList<>(0) : new ArrayList<>(ranges.values());
    }

    public void clear() {
        ranges = null;
        heldBytes = 0;
        islands = 0;
    }
}
