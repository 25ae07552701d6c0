package org.toesim.core.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes each record as one JSON object per line (JSON Lines). */
public final class JsonLinesTraceSink implements TraceSink {
    private final TraceJson json = new TraceJson();
    private final OutputStream out;

    /** Writes to {@code out}, which the sink closes on {@link #close()}; pass a buffered stream. */
    public JsonLinesTraceSink(OutputStream out) {
        this.out = out;
    }

    @Override
    public void record(long timePs, String component, TraceRecord record) {
        try {
            out.write(json.line(timePs, component, record));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing trace", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing trace", e);
        }
    }
}
