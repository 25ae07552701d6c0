package org.toesim.scenario.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.toesim.scenario.figure.Figure;
import org.toesim.scenario.figure.Series;

/** The warning rules: few replications, intervals past a physical bound, outlier runs. */
class SweepWarningsTest {
    /** A sweep over {@code a} whose run (point p, replication r) has {@code metric = values[p][r]}. */
    private static SweepResults sweep(String metric, double[][] values) {
        StringBuilder a = new StringBuilder("a=");
        for (int p = 0; p < values.length; p++) {
            a.append(p == 0 ? "" : ",").append(p + 1);
        }
        SweepPlan plan = new SweepPlan(List.of(SweepPlan.Param.parse(a.toString())), values[0].length);
        List<SweepResults.RunRow> rows = new ArrayList<>();
        for (SweepPlan.Run run : plan.runs(10)) {
            double v = values[run.point()][run.replication()];
            Map<String, Double> m = new LinkedHashMap<>();
            m.put(metric, v);
            rows.add(Double.isNaN(v) ? new SweepResults.RunRow(run, RunStatus.STALLED, "no progress for 10 s", m)
                    : new SweepResults.RunRow(run, m));
        }
        Collections.shuffle(rows, new Random(1)); // completion order: the warnings do not depend on it
        return new SweepResults(plan, rows, 0.95);
    }

    private static <T extends SweepWarning> List<T> only(List<SweepWarning> ws, Class<T> kind) {
        return ws.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static final double X = Double.NaN; // a run that did not finish

    @Test
    void fewerThanThreeFinishedRunsAtAPointAreNamedWithWhatThatMeans() {
        List<SweepWarning> ws = SweepWarnings.of(sweep("events", new double[][] {
            {5, 6, 7}, {5, 6, X}, {5, X, X}, {X, X, X}}));
        List<SweepWarning.NotFinished> bad = only(ws, SweepWarning.NotFinished.class);
        assertEquals(6, bad.size());
        assertEquals("point 1 replication 2 (seed 12) did not finish: stalled: no progress for 10 s; excluded from "
                + "summary.csv", bad.get(0).text());
        List<String> few = only(ws, SweepWarning.FewReplications.class).stream().map(SweepWarning::text).toList();
        assertEquals(List.of(
                "point 1 (a=2): n = 2: the 95 % interval rests on 2 runs (t = 12.71): unreliable; run 3 or more "
                        + "replications",
                "point 2 (a=3): n = 1: no confidence interval (one run has no spread to estimate): drawn without a bar",
                "point 3 (a=4): n = 0: no run finished: nothing in summary.csv, no point in the figures"), few);
        assertTrue(ws.get(0) instanceof SweepWarning.NotFinished && ws.get(6) instanceof SweepWarning.FewReplications,
                "runs that did not finish first");
    }

    @Test
    void aGridWithTheSameFewRunsEverywhereGetsOneLine() {
        List<SweepWarning> ws = SweepWarnings.of(sweep("events", new double[][] {{50, 51}, {70, 71}, {90, 91}}));
        assertEquals(List.of("every point (3): n = 2: the 95 % interval rests on 2 runs (t = 12.71): unreliable; run 3 "
                + "or more replications"), ws.stream().map(SweepWarning::text).toList());
        assertEquals(List.of(), SweepWarnings.of(sweep("events", new double[][] {{5, 6, 7}, {7, 8, 9}})),
                "three runs everywhere, no spread past a bound: nothing to say");
    }

    @Test
    void anIntervalPastAPhysicalBoundIsClippedAndSaidSo() {
        // n = 2: mean 0.16, s = 0.198, t = 12.706: [-1.62, 1.94] crosses 0 and 1
        SweepResults cpu = sweep("hosts.a.cpuUtilization", new double[][] {{0.02, 0.30}, {0.50, 0.51}});
        List<SweepWarning.Clipped> clipped = only(SweepWarnings.of(cpu), SweepWarning.Clipped.class);
        assertEquals(1, clipped.size(), "0.50 and 0.51 stay inside [0, 1]");
        assertEquals("hosts.a.cpuUtilization at point 0 (a=1): 95 % interval 16 +- 180 % crosses 0 and 1: interval "
                + "clipped at 0 and 1: 2 replications are too few for this spread", clipped.get(0).text());

        SweepResults goodput = sweep("goodputBitsPerSec.total", new double[][] {{1e9, 3e9}, {5e9, 5.1e9}, {1e9, 4e9}});
        List<SweepWarning.Clipped> g = only(SweepWarnings.of(goodput), SweepWarning.Clipped.class);
        assertEquals(List.of("goodputBitsPerSec.total at points 0 and 2: 95 % intervals cross 0: interval clipped at 0: "
                + "2 replications are too few for this spread"), g.stream().map(SweepWarning::text).toList(),
                "one line per metric");

        SweepResults mixed = sweep("goodputBitsPerSec.total", new double[][] {{1e9, 3e9, X}, {1e9, 3e9, 2e9}});
        assertTrue(only(SweepWarnings.of(mixed), SweepWarning.Clipped.class).get(0).text().endsWith(
                "at points 0 and 1: 95 % intervals cross 0: interval clipped at 0: 2 to 3 replications are too few for "
                        + "this spread"));

        SweepResults retransmits = sweep("connections.w0.c0.retransmits", new double[][] {{0, 0, 0, 0, 10}});
        assertEquals(List.of("connections.w0.c0.retransmits at point 0 (a=1): 95 % interval 2 +- 5.6 crosses 0: interval"
                + " clipped at 0: 5 replications are too few for this spread"), only(SweepWarnings.of(retransmits), SweepWarning.Clipped.class).stream()
                .map(SweepWarning::text).toList());

        // the figure draws the bar clipped: from 0 (and at most 1 for a utilisation), no lower
        Series s = SweepFigures.of(cpu).get(0).figures().get(0).series().get(0);
        assertEquals(0.16, s.y()[0], 1e-12);
        assertEquals(0.0, s.low()[0]);
        assertEquals(1.0, s.high()[0]);
        assertEquals(0.505 - 0.0635, s.low()[1], 1e-4, "inside the bounds: not clipped");
    }

    @Test
    void aPointOfOneRunIsDrawnWithoutABar() {
        SweepResults one = sweep("goodputBitsPerSec.total", new double[][] {{1e9}, {2e9}, {3e9}});
        Figure f = SweepFigures.of(one).get(0).figures().get(0);
        Series s = f.series().get(0);
        assertEquals(List.of(1e9, 2e9, 3e9), List.of(s.y()[0], s.y()[1], s.y()[2]));
        assertTrue(Double.isNaN(s.low()[1]) && Double.isNaN(s.high()[1]), "no interval, not a zero-width one");
        String svg = org.toesim.scenario.figure.FigureRenderer.svg(f);
        assertFalse(svg.contains("NaN"), "no NaN coordinate reaches the SVG");
    }

    private static List<SweepWarning.Outlier> outliers(String metric, double... runs) {
        return only(SweepWarnings.of(sweep(metric, new double[][] {runs})), SweepWarning.Outlier.class);
    }

    @Test
    void fromThreeToSevenRunsDixonsQTestJudgesTheExtremes() {
        // sorted 9.9, 10, 10.05, 10.1, 13: Q = (13 - 10.1) / (13 - 9.9) = 0.935 > Q95(5) = 0.710
        List<SweepWarning.Outlier> out = outliers("goodputBitsPerSec.total", 10.0e9, 10.1e9, 9.9e9, 10.05e9, 13.0e9);
        assertEquals(1, out.size());
        SweepWarning.Outlier o = out.get(0);
        assertEquals(4, o.row().run().replication());
        assertEquals(14, o.row().run().seed());
        assertEquals(List.of(new SweepWarning.Outlier.Value("goodputBitsPerSec.total", 13.0e9, 10.05e9,
                "Dixon's Q 0.935 > 0.710 (n = 5)")), o.values());
        assertEquals("point 0 (a=1) replication 4 (seed 14) is an outlier in goodputBitsPerSec.total = 13 Gbit/s "
                + "(point's median 10.05 Gbit/s; Dixon's Q 0.935 > 0.710 (n = 5)): flagged, kept in summary.csv", o.text());
        assertEquals(1, outliers("events", 10, 10.2, 30).size(), "Q = 0.99 > 0.970");
        assertEquals(0, outliers("events", 10, 11, 30).size(), "Q = 0.95: three runs rarely prove anything");
        assertEquals(0, outliers("events", 1, 1000).size(), "two runs cannot say which one is odd");
        assertEquals(0, outliers("events", 7, 7, 7, 7).size(), "no spread, no outlier");
    }

    @Test
    void fromEightRunsOutliersLieMoreThanThreeScaledMadsFromTheMedian() {
        // median 10.01, MAD 0.05, scaled 0.0741: 13 is 40.3 scaled MADs away, 9.9 is 1.48
        List<SweepWarning.Outlier> out = outliers("goodputBitsPerSec.total",
                10.0e9, 10.1e9, 9.9e9, 10.05e9, 9.95e9, 10.02e9, 9.98e9, 13.0e9);
        assertEquals(1, out.size());
        assertEquals(7, out.get(0).row().run().replication());
        SweepWarning.Outlier.Value v = out.get(0).values().get(0);
        assertEquals(10.01e9, v.median(), 1e-3);
        assertEquals("40.3 scaled MADs > 3", v.test());
        SweepResults r = sweep("goodputBitsPerSec.total", new double[][] {
            {10.0e9, 10.1e9, 9.9e9, 10.05e9, 9.95e9, 10.02e9, 9.98e9, 13.0e9}});
        assertEquals(8, r.summarize().get(0).metrics().get("goodputBitsPerSec.total").n(), "flagged, never removed");

        assertEquals(0, outliers("events", 100, 100, 100, 100, 100, 100, 100, 100.9).size(),
                "within 1 % of the median while most runs are identical: not an outlier");
        assertEquals(0, outliers("nics.b.slowPathSegments", 365, 365, 366).size(), "Q = 1 from a tie, but 0.3 %");
        assertEquals(1, outliers("connections.w0.c0.retransmits", 4, 4, 2).size(), "Q = 1 and 50 %");
        List<SweepWarning.Outlier> zero = outliers("connections.w0.c0.retransmits", 0, 0, 0, 0, 0, 0, 0, 3);
        assertEquals("MAD 0: most runs equal the median", zero.get(0).values().get(0).test());
    }

    @Test
    void aRunOutlyingInSeveralMetricsIsOneLine() {
        SweepPlan plan = new SweepPlan(List.of(SweepPlan.Param.parse("a=1")), 3);
        List<SweepResults.RunRow> rows = new ArrayList<>();
        double[][] v = {{1e9, 1.01e9, 5e9}, {20, 20.1, 1}};
        for (SweepPlan.Run run : plan.runs(1)) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("goodputBitsPerSec.total", v[0][run.replication()]);
            m.put("simTimePs", v[1][run.replication()]);
            rows.add(new SweepResults.RunRow(run, m));
        }
        List<SweepWarning.Outlier> out = only(SweepWarnings.of(new SweepResults(plan, rows, 0.95)),
                SweepWarning.Outlier.class);
        assertEquals(1, out.size());
        assertEquals(List.of("goodputBitsPerSec.total", "simTimePs"),
                out.get(0).values().stream().map(SweepWarning.Outlier.Value::metric).toList());
    }

    @Test
    void medianAndMad() {
        assertEquals(2.5, OutlierRule.median(new double[] {4, 1, 3, 2}));
        assertEquals(3.0, OutlierRule.median(new double[] {5, 3, 1}));
        assertEquals(1.0, OutlierRule.mad(new double[] {1, 2, 3, 4, 10}, 3));
        assertEquals(0.568, OutlierRule.dixonQ95(7));
    }

    @Test
    void thePageShowsEveryWarning() {
        SweepResults r = sweep("hosts.a.cpuUtilization", new double[][] {{0.02, 0.30, X}, {0.5, 0.502, 0.9}});
        List<SweepWarning> ws = SweepWarnings.of(r);
        String html = SweepPage.html("t", r, ws, SweepFigures.of(r));
        assertTrue(html.contains("<h2>Warnings (" + ws.size() + ")</h2>"), html);
        assertTrue(html.contains("<table class=\"bad\">") && html.contains("<td>stalled</td><td>no progress for 10 s</td>"),
                "the run that did not finish, in red, with its status and reason");
        for (SweepWarning w : ws) {
            if (w instanceof SweepWarning.FewReplications || w instanceof SweepWarning.Clipped) {
                assertTrue(html.contains(Html.esc(w.text())), w.text());
            }
        }
        assertTrue(html.contains("<td>hosts.a.cpuUtilization</td><td>90 %</td><td>50.2 %</td><td>Dixon's Q 0.995 &gt; "
                + "0.970 (n = 3)</td>"), html);
    }
}
