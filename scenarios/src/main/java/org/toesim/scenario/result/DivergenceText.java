package org.toesim.scenario.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.toesim.core.event.TrajectoryDivergence;
import org.toesim.core.event.TrajectoryEvent;
import org.toesim.core.units.Units;

/**
 * A located {@link TrajectoryDivergence} in words, claiming no more than the checkpoints show:
 * the block that holds the first difference, this run's events in it (the baseline keeps
 * checkpoints, not events, so its side is never named), and the precision.
 * <pre>
 *   trajectories diverge in events 4097..4128 (this run: simulated 1.203000000 ms .. 1.210500000 ms); the checkpoints agree through event 4096
 *   the first differing event is one of these 32; this run's (the baseline keeps a 16-bit checkpoint every 32 events, not its events):
 *     4097  1.203000000 ms  b.cpu1  cpu.done
 *     ...
 *   certain: the runs differ at or before event 4128; the first difference is after event 4096 unless a
 *   checkpoint coincided by chance (1 in 65536 per checkpoint)
 * </pre>
 */
final class DivergenceText {
    private DivergenceText() {
    }

    /** The explanation: a summary line, this run's events of the block, the precision. */
    static List<String> lines(TrajectoryDivergence d) {
        List<String> lines = new ArrayList<>();
        lines.add(summary(d));
        List<TrajectoryEvent> w = d.window();
        if (d.candidates() > 1 && !w.isEmpty()) {
            lines.add("the first differing event is one of these " + d.candidates() + "; this run's"
                    + (w.size() < d.candidates() ? " (it has " + w.size() + " of them)" : "")
                    + " (the baseline keeps a 16-bit checkpoint every " + d.blockEvents() + " events, not its events):");
        }
        for (TrajectoryEvent e : w) {
            lines.add(String.format(Locale.ROOT, "  %d  %s  %s  %s", e.number(), ms(e.timePs()), e.owner(), e.kind()));
        }
        long shorter = Math.min(d.actualEvents(), d.expectedEvents());
        if (d.actualEvents() != d.expectedEvents() && d.differByEvent() == shorter + 1) {
            // they differ only in length as far as the checkpoints show: say which one stopped
            lines.add(d.actualEvents() < d.expectedEvents()
                    ? "this run ended after event " + d.actualEvents() + "; the baseline ran " + d.expectedEvents() + " events"
                    : "the baseline ended after event " + d.expectedEvents() + "; this run ran " + d.actualEvents() + " events");
        } else if (d.actualEvents() != d.expectedEvents()) {
            lines.add("this run ran " + d.actualEvents() + " events, the baseline " + d.expectedEvents());
        }
        lines.add("certain: the runs differ at or before event " + d.differByEvent()
                + (d.agreeThroughEvent() == 0 ? "" : "; the first difference is after event " + d.agreeThroughEvent()
                        + " unless a checkpoint coincided by chance (1 in 65536 per checkpoint)"));
        return lines;
    }

    private static String summary(TrajectoryDivergence d) {
        List<TrajectoryEvent> w = d.window();
        String where = d.candidates() == 1 ? "at event " + d.differByEvent()
                : "in events " + (d.agreeThroughEvent() + 1) + ".." + d.differByEvent();
        String when = w.isEmpty() ? ""
                : w.size() == 1 ? " (this run: simulated " + ms(w.get(0).timePs()) + ", " + w.get(0).owner() + " "
                        + w.get(0).kind() + ")"
                : " (this run: simulated " + ms(w.get(0).timePs()) + " .. " + ms(w.get(w.size() - 1).timePs()) + ")";
        String agree = d.agreeThroughEvent() == 0 ? "; they differ within the first block"
                : "; the checkpoints agree through event " + d.agreeThroughEvent();
        return "trajectories diverge " + where + when + agree;
    }

    /** Milliseconds to the picosecond: what a trace or {@code step --until} can be searched for. */
    static String ms(long ps) {
        return String.format(Locale.ROOT, "%d.%09d ms", ps / Units.PS_PER_MS, ps % Units.PS_PER_MS);
    }
}
