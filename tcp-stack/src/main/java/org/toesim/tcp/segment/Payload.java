package org.toesim.tcp.segment;

import java.util.Arrays;
import java.util.Objects;

/**
 * A run of bytes of one direction of a TCP byte stream. It always knows where it sits in the
 * stream ({@code streamOffset}: 0 is the first data byte after the SYN) and its length; it
 * carries the real bytes only when the run uses them (integrity checks, pcap). A virtual
 * payload's content is defined as {@link #patternByte(long)} of each stream offset, so a pcap
 * of a virtual run is still deterministic and checkable.
 *
 * <p>Immutable; {@link #slice} shares the backing array.
 */
public final class Payload {
    /** No bytes. */
    public static final Payload EMPTY = new Payload(0, 0, null, 0);

    private final long streamOffset;
    private final int lenBytes;
    private final byte[] data;
    private final int dataOffset;

    private Payload(long streamOffset, int lenBytes, byte[] data, int dataOffset) {
        if (lenBytes < 0 || streamOffset < 0) {
            throw new IllegalArgumentException("bad payload: offset " + streamOffset + ", length " + lenBytes);
        }
        this.streamOffset = streamOffset;
        this.lenBytes = lenBytes;
        this.data = data;
        this.dataOffset = dataOffset;
    }

    /** {@code lenBytes} bytes at {@code streamOffset}, without their content. */
    public static Payload virtual(long streamOffset, int lenBytes) {
        return lenBytes == 0 && streamOffset == 0 ? EMPTY : new Payload(streamOffset, lenBytes, null, 0);
    }

    /** Real bytes {@code data[off, off+len)} at {@code streamOffset}; the array is shared, not copied. */
    public static Payload real(long streamOffset, byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        return new Payload(streamOffset, len, data, off);
    }

    /** The content of a virtual payload at stream offset {@code streamOffset}. */
    public static byte patternByte(long streamOffset) {
        long z = streamOffset * 0x9E3779B97F4A7C15L;
        return (byte) (z >>> 56);
    }

    public long streamOffset() {
        return streamOffset;
    }

    public int lenBytes() {
        return lenBytes;
    }

    /** Stream offset one past the last byte. */
    public long endOffset() {
        return streamOffset + lenBytes;
    }

    public boolean isEmpty() {
        return lenBytes == 0;
    }

    /** True when the payload carries real bytes. */
    public boolean hasBytes() {
        return data != null;
    }

    /** Byte {@code i} of this payload (real, or the pattern for a virtual one). */
    public byte byteAt(int i) {
        Objects.checkIndex(i, lenBytes);
        return data != null ? data[dataOffset + i] : patternByte(streamOffset + i);
    }

    /** The sub-run {@code [from, from+len)} of this payload. */
    public Payload slice(int from, int len) {
        Objects.checkFromIndexSize(from, len, lenBytes);
        if (from == 0 && len == lenBytes) {
            return this;
        }
        return new Payload(streamOffset + from, len, data, dataOffset + from);
    }

    /** Copies the content (real or pattern) into {@code dst[dstOff, dstOff+len)}. */
    public void copyTo(byte[] dst, int dstOff) {
        if (data != null) {
            System.arraycopy(data, dataOffset, dst, dstOff, lenBytes);
        } else {
            for (int i = 0; i < lenBytes; i++) {
                dst[dstOff + i] = patternByte(streamOffset + i);
            }
        }
    }

    /** The content as a new array. */
    public byte[] toByteArray() {
        byte[] out = new byte[lenBytes];
        copyTo(out, 0);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Payload p) || p.streamOffset != streamOffset || p.lenBytes != lenBytes
                || p.hasBytes() != hasBytes()) {
            return false;
        }
        return data == null || Arrays.equals(data, dataOffset, dataOffset + lenBytes,
                p.data, p.dataOffset, p.dataOffset + lenBytes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(streamOffset) * 31 + lenBytes;
    }

    @Override
    public String toString() {
        return (data == null ? "virtual" : "real") + "[" + streamOffset + "+" + lenBytes + "]";
    }
}
