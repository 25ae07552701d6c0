package org.toesim.host.app;

/**
 * Deterministic stream content for real-byte transfers: byte {@code i} of the stream is a
 * function of {@code (seed, i)} only (SplitMix64 of the seed and the 8-byte word index), so a
 * sender can produce any range and a receiver can check any range without keeping a copy.
 * Draw the seed from a named random stream of the run to make it "the content of stream X".
 *
 * <pre>
 *   sender:   fill(buf, 0, n, offset)  --&gt; send(buf)
 *   receiver: placed bytes at offset    --&gt; firstMismatch(got, 0, n, offset) == null ?
 * </pre>
 *
 * @param seed what selects the content
 */
public record PayloadPattern(long seed) {
    /** Byte {@code offset} of the stream. */
    public byte at(long offset) {
        return (byte) (word(offset >>> 3) >>> ((offset & 7) * 8));
    }

    /** Writes stream bytes {@code [offset, offset + len)} into {@code dst[from..]}. */
    public void fill(byte[] dst, int from, int len, long offset) {
        int i = 0;
        while (i < len) {
            long o = offset + i;
            long w = word(o >>> 3);
            for (int b = (int) (o & 7); b < 8 && i < len; b++, i++) {
                dst[from + i] = (byte) (w >>> (b * 8));
            }
        }
    }

    /** The first byte of {@code got[from..from+len)} that differs from stream bytes at {@code offset}, or null. */
    public Mismatch firstMismatch(byte[] got, int from, int len, long offset) {
        for (int i = 0; i < len; i++) {
            byte want = at(offset + i);
            if (got[from + i] != want) {
                return new Mismatch(offset + i, want & 0xff, got[from + i] & 0xff);
            }
        }
        return null;
    }

    private long word(long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The first wrong byte of a stream.
     *
     * @param offset   stream offset of the byte
     * @param expected what the pattern says (0..255)
     * @param got      what was received (0..255)
     */
    public record Mismatch(long offset, int expected, int got) {
        @Override
        public String toString() {
            return String.format("first mismatch at byte %d: expected 0x%02x, got 0x%02x", offset, expected, got);
        }
    }
}
