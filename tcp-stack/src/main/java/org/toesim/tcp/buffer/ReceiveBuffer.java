package org.toesim.tcp.buffer;

import java.util.ArrayList;
import java.util.List;
import org.toesim.tcp.segment.Payload;

/**
 * In-order received bytes the application has not read yet. Adjacent virtual runs are merged,
 * so a virtual transfer keeps one run whatever its size.
 *
 * <pre>
 *   readOffset                          endOffset (= RCV.NXT as stream offset)
 *      |■■■■■ received, not yet read ■■■■■|
 * </pre>
 */
public final class ReceiveBuffer {
    private static final int MAX_RUN_BYTES = 1 << 30;

    private final PayloadRing runs = new PayloadRing();
    private long readOffset;
    private long endOffset;

    public ReceiveBuffer(long startOffset) {
        this.readOffset = startOffset;
        this.endOffset = startOffset;
    }

    /** Rebuilds a buffer holding {@code data} (contiguous, as from {@link #runs()}). */
    public static ReceiveBuffer of(long readOffset, List<Payload> data) {
        ReceiveBuffer b = new ReceiveBuffer(readOffset);
        for (Payload p : data) {
            b.append(p);
        }
        return b;
    }

    public long readableBytes() {
        return endOffset - readOffset;
    }

    public long readOffset() {
        return readOffset;
    }

    public long endOffset() {
        return endOffset;
    }

    /** Appends {@code p}, which must start at {@link #endOffset()}. */
    public void append(Payload p) {
        if (p.streamOffset() != endOffset) {
            throw new IllegalArgumentException("out of order append " + p + " at " + endOffset);
        }
        if (p.isEmpty()) {
            return;
        }
        if (runs.size() > 0 && !p.hasBytes() && !runs.last().hasBytes()
                && (long) runs.last().lenBytes() + p.lenBytes() <= MAX_RUN_BYTES) {
            Payload t = runs.last();
            runs.setLast(Payload.virtual(t.streamOffset(), t.lenBytes() + p.lenBytes()));
        } else {
            runs.addLast(p);
        }
        endOffset = p.endOffset();
    }

    /** Removes and returns up to {@code maxBytes} bytes from the front. */
    public List<Payload> read(long maxBytes) {
        List<Payload> out = new ArrayList<>(2);
        long left = Math.min(maxBytes, readableBytes());
        while (left > 0) {
            Payload f = runs.first();
            if (f.lenBytes() <= left) {
                out.add(runs.removeFirst());
                left -= f.lenBytes();
            } else {
                int n = (int) left;
                out.add(f.slice(0, n));
                runs.setFirst(f.slice(n, f.lenBytes() - n));
                left = 0;
            }
        }
        readOffset = runs.size() > 0 ? runs.first().streamOffset() : endOffset;
        return out;
    }

    /** Discards up to {@code maxBytes} bytes from the front; returns how many. */
    public long consume(long maxBytes) {
        long n = Math.min(maxBytes, readableBytes());
        long left = n;
        while (left > 0) {
            Payload f = runs.first();
            if (f.lenBytes() <= left) {
                runs.removeFirst();
                left -= f.lenBytes();
            } else {
                runs.setFirst(f.slice((int) left, f.lenBytes() - (int) left));
                left = 0;
            }
        }
        readOffset += n;
        return n;
    }

    /** The unread bytes as runs (for a CCB). */
    public List<Payload> runs() {
        List<Payload> out = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            out.add(runs.get(i));
        }
        return out;
    }
}
