package org.toesim.core.trace;

import java.util.ArrayList;
import java.util.List;

/** Combinators over sinks. */
public final class TraceSinks {
    private TraceSinks() {
    }

    /** A sink that forwards every record to each enabled sink of {@code sinks}, in order. */
    public static TraceSink tee(List<TraceSink> sinks) {
        List<TraceSink> on = new ArrayList<>();
        for (TraceSink s : sinks) {
            if (s.enabled()) {
                on.add(s);
            }
        }
        if (on.isEmpty()) {
            return TraceSink.NONE;
        }
        if (on.size() == 1) {
            return on.get(0);
        }
        TraceSink[] all = on.toArray(new TraceSink[0]);
        return new TraceSink() {
            @Override
            public void record(long timePs, String component, TraceRecord record) {
                for (TraceSink s : all) {
                    s.record(timePs, component, record);
                }
            }

            @Override
            public void close() {
                for (TraceSink s : all) {
                    s.close();
                }
            }
        };
    }
}
