package org.toesim.core.trace;

/**
 * A running 64-bit FNV-1a hash over the canonical JSON of every record, in order. Two runs
 * with the same digest emitted the same records with the same fields at the same instants.
 */
public final class DigestTraceSink implements TraceSink {
    private final TraceJson json = new TraceJson();
    private long hash = 0xcbf29ce484222325L;
    private long records;

    @Override
    public void record(long timePs, String component, TraceRecord record) {
        byte[] line = json.line(timePs, component, record);
        long h = hash;
        for (byte b : line) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        h ^= '\n';
        h *= 0x100000001b3L;
        hash = h;
        records++;
    }

    public long value() {
        return hash;
    }

    public String hex() {
        return String.format("%016x", hash);
    }

    public long records() {
        return records;
    }
}
