package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    @Test
    void lineShowsSimTimeRateAndEta() {
        assertEquals("sim 50.000 ms of 100.000 ms (50%)  1.00M events/s  ETA 1s",
                ProgressReporter.line(50_000_000_000L, 100_000_000_000L, 1_000_000, 1_000_000_000L));
    }

    @Test
    void silentWhenDisabledAndThrottledWhenEnabled() {
        StringWriter sw = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ProgressReporter off = new ProgressReporter(new PrintWriter(sw), false, clock::get);
        clock.set(1_000_000_000L);
        off.progress(1, 2, 3);
        off.finish();
        assertEquals("", sw.toString(), "not a terminal: nothing");
        ProgressReporter on = new ProgressReporter(new PrintWriter(sw), true, clock::get);
        on.progress(1, 2, 3);
        assertEquals("", sw.toString(), "no redraw within 250ms of the start");
        clock.addAndGet(300_000_000L);
        on.progress(1, 2, 3);
        clock.addAndGet(10_000_000L);
        on.progress(1, 2, 3);
        on.finish();
        assertEquals(1, sw.toString().split("\r", -1).length - 1, sw.toString());
        assertTrue(sw.toString().endsWith(System.lineSeparator()));
    }
}
