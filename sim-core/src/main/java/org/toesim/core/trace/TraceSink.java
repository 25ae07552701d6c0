package org.toesim.core.trace;

/** Receives trace records. Implementations are not thread-safe (the simulator is single-threaded). */
public interface TraceSink extends AutoCloseable {
    /** A sink that records nothing and reports itself disabled. */
    TraceSink NONE = new TraceSink() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void record(long timePs, String component, TraceRecord record) {
        }
    };

    /** False when records would be discarded; callers skip building them. */
    default boolean enabled() {
        return true;
    }

    /**
     * False when records of {@code category} would be discarded; callers on hot paths ask this
     * before building a record.
     */
    default boolean enabled(TraceCategory category) {
        return enabled();
    }

    /** Records that {@code component} did {@code record} at {@code timePs}. */
    void record(long timePs, String component, TraceRecord record);

    /** Flushes and releases resources. */
    @Override
    default void close() {
    }
}
