package org.toesim.core.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps records in memory, for tests and the step-through mode. */
public final class CollectingTraceSink implements TraceSink {
    /** One recorded entry. */
    public record Entry(long timePs, String component, TraceRecord record) {
    }

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public void record(long timePs, String component, TraceRecord record) {
        entries.add(new Entry(timePs, component, record));
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The records of type {@code type}, in order. */
    public <T extends TraceRecord> List<T> ofType(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Entry e : entries) {
            if (type.isInstance(e.record())) {
                out.add(type.cast(e.record()));
            }
        }
        return out;
    }

    public void clear() {
        entries.clear();
    }
}
