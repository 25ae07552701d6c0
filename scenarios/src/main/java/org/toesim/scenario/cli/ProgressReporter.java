package org.toesim.scenario.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.toesim.core.units.Units;
import org.toesim.scenario.run.ProgressListener;

/**
 * One self-overwriting status line on stderr for long runs:
 * {@code sim 12.5ms of 100ms (12%)  1.84M events/s  ETA 7s}. Redrawn at most four times a
 * second; silent when disabled (not a terminal, {@code --quiet}, {@code --json}).
 */
public final class ProgressReporter implements ProgressListener {
    private static final long REDRAW_NS = 250_000_000L;
    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier nanoClock;
    private final long startNs;
    private long lastDrawNs;
    private boolean drawn;

    public ProgressReporter(PrintWriter err, boolean enabled, LongSupplier nanoClock) {
        this.err = err;
        this.enabled = enabled;
        this.nanoClock = nanoClock;
        this.startNs = nanoClock.getAsLong();
        this.lastDrawNs = startNs;
    }

    @Override
    public void progress(long nowPs, long endPs, long events) {
        if (!enabled) {
            return;
        }
        long t = nanoClock.getAsLong();
        if (t - lastDrawNs < REDRAW_NS) {
            return;
        }
        lastDrawNs = t;
        err.print('\r' + line(nowPs, endPs, events, t - startNs) + "   ");
        err.flush();
        drawn = true;
    }

    /** Reports completed units of work (sweep runs) on the same line. */
    public void runs(int done, int total) {
        if (!enabled) {
            return;
        }
        long t = nanoClock.getAsLong();
        long elapsed = t - startNs;
        String eta = done == 0 ? "?" : seconds((long) ((double) elapsed / done * (total - done)));
        err.print(String.format(Locale.ROOT, "\rruns %d of %d  ETA %s   ", done, total, eta));
        err.flush();
        drawn = true;
    }

    /** Ends the status line, if one was drawn. */
    public void finish() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }

    /** The status text for the given state. */
    static String line(long nowPs, long endPs, long events, long elapsedNs) {
        double fraction = endPs <= 0 ? 0 : Math.min(1.0, (double) nowPs / endPs);
        double rate = elapsedNs <= 0 ? 0 : events * 1e9 / elapsedNs;
        String eta = fraction <= 0 ? "?" : seconds((long) (elapsedNs * (1 - fraction) / fraction));
        return String.format(Locale.ROOT, "sim %s of %s (%.0f%%)  %s events/s  ETA %s", Units.formatTime(nowPs),
                Units.formatTime(endPs), fraction * 100, si(rate), eta);
    }

    static String seconds(long ns) {
        long s = Math.round(ns / 1e9);
        return s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
    }

    static String si(double v) {
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
