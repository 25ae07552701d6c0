package org.toesim.tcp.buffer;

import java.util.ArrayList;
import java.util.List;
import org.toesim.tcp.segment.Payload;

/**
 * The bytes the application has handed to a connection and the peer has not yet acknowledged,
 * addressed by stream offset (0 is the first data byte after the SYN). Virtual sends are one
 * growing run; real sends are copied once into their own run. The output path takes
 * {@link #slice slices}; cumulative ACKs {@link #releaseTo release} the front.
 *
 * <pre>
 *   startOffset (SND.UNA)        SND.NXT               endOffset
 *        |■■■■■■■ sent, unacked ■■■|□□□□ queued, unsent □□□|  ... free (capacity)
 * </pre>
 */
public final class SendBuffer {
    private static final int MAX_RUN_BYTES = 1 << 30;

    private final PayloadRing runs = new PayloadRing();
    private long capacityBytes;
    private long startOffset;
    private long endOffset;

    public SendBuffer(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** Rebuilds a buffer holding {@code data} (contiguous runs, as from {@link #runs()}). */
    public static SendBuffer of(long capacityBytes, long startOffset, List<Payload> data) {
        SendBuffer b = new SendBuffer(capacityBytes);
        b.startOffset = startOffset;
        b.endOffset = startOffset;
        for (Payload p : data) {
            if (p.streamOffset() != b.endOffset) {
                throw new IllegalArgumentException("send data not contiguous at " + p);
            }
            b.runs.addLast(p);
            b.endOffset = p.endOffset();
        }
        return b;
    }

    public long capacityBytes() {
        return capacityBytes;
    }

    /** Changes the capacity (a host-granted size); data already queued stays. */
    public void setCapacityBytes(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** Stream offset of the first unacknowledged byte. */
    public long startOffset() {
        return startOffset;
    }

    /** Stream offset one past the last queued byte. */
    public long endOffset() {
        return endOffset;
    }

    public long queuedBytes() {
        return endOffset - startOffset;
    }

    public long freeBytes() {
        return Math.max(0, capacityBytes - queuedBytes());
    }

    /** Queues up to {@code lenBytes} virtual bytes; returns how many were accepted. */
    public long appendVirtual(long lenBytes) {
        long n = Math.min(lenBytes, freeBytes());
        long left = n;
        while (left > 0) {
            if (runs.size() > 0 && !runs.last().hasBytes() && runs.last().lenBytes() < MAX_RUN_BYTES) {
                Payload tail = runs.last();
                int add = (int) Math.min(left, MAX_RUN_BYTES - tail.lenBytes());
                runs.setLast(Payload.virtual(tail.streamOffset(), tail.lenBytes() + add));
                left -= add;
                endOffset += add;
            } else {
                int add = (int) Math.min(left, MAX_RUN_BYTES);
                runs.addLast(Payload.virtual(endOffset, add));
                left -= add;
                endOffset += add;
            }
        }
        return n;
    }

    /** Copies up to {@code len} bytes of {@code data[off..]} into the buffer; returns how many. */
    public int appendReal(byte[] data, int off, int len) {
        int n = (int) Math.min(len, freeBytes());
        if (n > 0) {
            byte[] copy = new byte[n];
            System.arraycopy(data, off, copy, 0, n);
            runs.addLast(Payload.real(endOffset, copy, 0, n));
            endOffset += n;
        }
        return n;
    }

    /**
     * The bytes {@code [offset, offset+len)}, which must be queued. Shares storage when they lie in
     * one run; otherwise virtual if all runs are virtual, else a copy.
     */
    public Payload slice(long offset, int len) {
        if (offset < startOffset || offset + len > endOffset) {
            throw new IndexOutOfBoundsException("slice " + offset + "+" + len + " outside ["
                    + startOffset + ", " + endOffset + ")");
        }
        if (len == 0) {
            return Payload.virtual(offset, 0);
        }
        int i = runs.indexOf(offset);
        Payload run = runs.get(i);
        if (offset + len <= run.endOffset()) {
            return run.slice((int) (offset - run.streamOffset()), len);
        }
        boolean anyReal = false;
        for (int j = i; j < runs.size() && runs.get(j).streamOffset() < offset + len; j++) {
            anyReal |= runs.get(j).hasBytes();
        }
        if (!anyReal) {
            return Payload.virtual(offset, len);
        }
        byte[] out = new byte[len];
        long pos = offset;
        for (int j = i; pos < offset + len; j++) {
            Payload r = runs.get(j);
            int from = (int) (pos - r.streamOffset());
            int n = (int) Math.min(r.endOffset() - pos, offset + len - pos);
            r.slice(from, n).copyTo(out, (int) (pos - offset));
            pos += n;
        }
        return Payload.real(offset, out, 0, len);
    }

    /** Drops everything before {@code offset} (cumulatively acknowledged). */
    public void releaseTo(long offset) {
        if (offset <= startOffset) {
            return;
        }
        if (offset > endOffset) {
            throw new IllegalArgumentException("release to " + offset + " beyond end " + endOffset);
        }
        startOffset = offset;
        while (runs.size() > 0 && runs.first().endOffset() <= offset) {
            runs.removeFirst();
        }
        if (runs.size() > 0 && runs.first().streamOffset() < offset) {
            Payload f = runs.first();
            runs.setFirst(f.slice((int) (offset - f.streamOffset()), (int) (f.endOffset() - offset)));
        }
    }

    /** The queued bytes as contiguous runs from {@link #startOffset()} (for a CCB). */
    public List<Payload> runs() {
        List<Payload> out = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            out.add(runs.get(i));
        }
        return out;
    }
}
