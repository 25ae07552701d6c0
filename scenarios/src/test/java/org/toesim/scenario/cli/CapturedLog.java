package org.toesim.scenario.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.LoggerFactory;

/**
 * What ToeSim's loggers receive during a test: attached to {@code org.toesim} for the duration
 * (try-with-resources), counting every event by level and keeping the first ones formatted.
 * Logback's console appender writes to the {@code System.err} it found at start-up, not to the
 * in-process command line's stderr, so a test of the levels looks here. With {@code quiet} the
 * events do not go on to the console (additivity off), for tests that turn on TRACE everywhere.
 */
final class CapturedLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    /** One event as the test sees it. */
    record Line(Level level, String logger, String message) {
        @Override
        public String toString() {
            return level + " " + logger + " " + message;
        }
    }

    private static final int KEPT = 20_000;
    private final Logger root = (Logger) LoggerFactory.getLogger(LogLevels.ROOT);
    private final boolean additive;
    private final List<Line> lines = new ArrayList<>();
    private final Map<String, Long> counts = new TreeMap<>();

    private CapturedLog(boolean quiet) {
        additive = root.isAdditive();
        setContext(root.getLoggerContext());
        setName("captured");
        start();
        root.addAppender(this);
        if (quiet) {
            root.setAdditive(false);
        }
    }

    /** Captures what org.toesim's loggers log; {@code quiet}: it does not reach the console too. */
    static CapturedLog start(boolean quiet) {
        return new CapturedLog(quiet);
    }

    @Override
    protected synchronized void append(ILoggingEvent e) {
        counts.merge(e.getLevel().toString(), 1L, Long::sum);
        if (lines.size() < KEPT) {
            lines.add(new Line(e.getLevel(), e.getLoggerName(), e.getFormattedMessage()));
        }
    }

    /** The first events, in order. */
    synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Events of {@code level} received. */
    synchronized long count(Level level) {
        return counts.getOrDefault(level.toString(), 0L);
    }

    @Override
    public void close() {
        root.detachAppender(this);
        root.setAdditive(additive);
        stop();
    }
}
