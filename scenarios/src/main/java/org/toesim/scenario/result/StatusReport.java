package org.toesim.scenario.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The explanation of a run that is not a result ({@link RunStatus#valid()} false), for people:
 * the status and its reason, then one line per unfinished connection with how far it got and
 * what each end was waiting for.
 * <pre>
 *   scenario 'bulk' did not finish: limitReached: the safety limit stop.limit = 1s ... was reached ...
 *     w0.c0 (a -&gt; b): 917504 of 4194304 bytes delivered (21.9 %); waiting for: a: ...; b: ...
 *   1 of 2 connections did not finish; these figures are not results
 * </pre>
 */
public final class StatusReport {
    private StatusReport() {
    }

    /** The lines explaining {@code s} (empty for a result). */
    public static List<String> lines(SummaryReport s) {
        List<String> out = new ArrayList<>();
        if (s.status().valid()) {
            return out;
        }
        out.add("scenario '" + s.scenario() + "' (seed " + s.seed() + ") did not finish: " + s.status().jsonName()
                + (s.statusReason() == null ? "" : ": " + s.statusReason()));
        List<ConnectionReport> unfinished = s.unfinished();
        for (ConnectionReport c : unfinished) {
            out.add("  " + connection(c));
        }
        out.add(unfinished.size() + " of " + s.connections().size()
                + " connections did not finish; these figures are not results");
        return out;
    }

    /** One unfinished connection: progress and what it was waiting for. */
    public static String connection(ConnectionReport c) {
        double pct = c.bytesExpected() <= 0 ? 0 : 100.0 * c.bytesDelivered() / c.bytesExpected();
        return String.format(Locale.ROOT, "%s (%s -> %s): %d of %d bytes delivered (%.1f %%); waiting for: %s",
                c.id(), c.from(), c.to(), c.bytesDelivered(), c.bytesExpected(), pct,
                c.waitingFor() == null ? "(unknown)" : c.waitingFor());
    }

    /** The whole explanation as one text, lines separated by newlines. */
    public static String text(SummaryReport s) {
        return String.join("\n", lines(s));
    }
}
