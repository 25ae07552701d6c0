package org.toesim.scenario.result;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.toesim.scenario.figure.Axis;
import org.toesim.scenario.figure.Figure;
import org.toesim.scenario.figure.Quantity;
import org.toesim.scenario.figure.Series;

/** One figure per host: each core's busy time since warm-up, stacked by cost category. */
public final class CpuFigures {
    private CpuFigures() {
    }

    private static List<String> cores(HostReport h) {
        return h.cores().stream().map(c -> "core " + c.core()).toList();
    }

    public static List<Figure> of(SummaryReport summary) {
        List<Figure> out = new ArrayList<>();
        for (HostReport h : summary.hosts()) {
            if (h.cores().isEmpty()) {
                continue;
            }
            Set<String> categories = new LinkedHashSet<>();
            h.cores().forEach(c -> categories.addAll(c.byCategory().keySet()));
            double[] x = new double[h.cores().size()];
            for (int c = 0; c < x.length; c++) {
                x[c] = h.cores().get(c).core();
            }
            List<Series> series = new ArrayList<>();
            for (String k : categories) {
                double[] y = new double[x.length];
                for (int c = 0; c < x.length; c++) {
                    y[c] = h.cores().get(c).byCategory().getOrDefault(k, 0.0);
                }
                series.add(Series.of(k, x, y, Series.Style.STACKED_BARS));
            }
            if (!series.isEmpty()) {
                out.add(new Figure("plot-cpu-" + Figure.stem(h.name()), h.name() + ": CPU time by core and cost category (since warm-up)",
                        Axis.categorical("core", cores(h)), Axis.linear("busy", Quantity.FRACTION), series));
            }
        }
        return out;
    }
}
