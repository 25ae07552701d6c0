package org.toesim.core.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes each record as one JSON object per line (JSON Lines). */
public final class JsonLinesTraceSink implements TraceSink {
    private final TraceJson json = new TraceJson();
    private final OutputStream out;
    private final JsonGenerator gen;

    /** Writes to {@code out}, which the sink closes on {@link #close()}; pass a buffered stream. */
    public JsonLinesTraceSink(OutputStream out) {
        this.out = out;
        try {
            this.gen = json.generator(out);
        } catch (IOException e) {
            throw new UncheckedIOException("opening trace", e);
        }
    }

    @Override
    public void record(long timePs, String component, TraceRecord record) {
        try {
            json.write(gen, timePs, component, record);
        } catch (IOException e) {
            throw new UncheckedIOException("writing trace", e);
        }
    }

    @Override
    public void close() {
        try {
            gen.close();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing trace", e);
        }
    }
}
