package org.toesim.tcp.buffer;

import org.toesim.tcp.segment.Payload;

/**
 * A growable ring of contiguous {@link Payload} runs in stream order, with binary search by
 * stream offset. The backing store of {@link SendBuffer} and {@link ReceiveBuffer}.
 */
final class PayloadRing {
    private Payload[] items = new Payload[8];
    private int head;
    private int count;

    int size() {
        return count;
    }

    Payload get(int i) {
        return items[(head + i) & (items.length - 1)];
    }

    Payload first() {
        return get(0);
    }

    Payload last() {
        return get(count - 1);
    }

    void setLast(Payload p) {
        items[(head + count - 1) & (items.length - 1)] = p;
    }

    void setFirst(Payload p) {
        items[head] = p;
    }

    void addLast(Payload p) {
        if (count == items.length) {
            Payload[] bigger = new Payload[items.length * 2];
            for (int i = 0; i < count; i++) {
                bigger[i] = get(i);
            }
            items = bigger;
            head = 0;
        }
        items[(head + count) & (items.length - 1)] = p;
        count++;
    }

    Payload removeFirst() {
        Payload p = items[head];
        items[head] = null;
        head = (head + 1) & (items.length - 1);
        count--;
        return p;
    }

    void clear() {
        while (count > 0) {
            removeFirst();
        }
        head = 0;
    }

    /** Index of the run containing stream offset {@code off}; the runs must cover it. */
    int indexOf(long off) {
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (get(mid).streamOffset() <= off) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
