package org.toesim.scenario.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.toesim.scenario.model.DefaultExperiment;
import org.toesim.scenario.result.StatusReport;

/**
 * Prints the default experiment side by side: one column per receiver variant, one row per
 * figure; a variant this build cannot run shows "n/a" and its reason below the table, a variant
 * whose run did not finish shows "NOT VALID" and its status, reason and connections below.
 */
final class DefaultExperimentTable {
    private DefaultExperimentTable() {
    }

    private record Row(String label, Function<DefaultExperiment.Column, String> value) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("bulk goodput (Gbit/s)", c -> f("%.3f", c.bulk().goodputBitsPerSec() / 1e9)),
            new Row("bulk integrity", c -> c.bulk().integrity()),
            new Row("bulk retransmits", c -> Long.toString(c.bulk().retransmits())),
            new Row("receiver CPU utilisation", c -> f("%.1f %%", c.receiver().cpuUtilization() * 100)),
            new Row("receiver cycles/byte rx", c -> f("%.3f", c.receiver().cyclesPerByteRx())),
            new Row("  of which copy+checksum", c -> f("%.3f", c.receiverPayloadCyclesPerByte())),
            new Row("request-response p50 (us)", c -> c.latency() == null ? "-" : f("%.2f", c.latency().p50() / 1e6)),
            new Row("request-response p99 (us)", c -> c.latency() == null ? "-" : f("%.2f", c.latency().p99() / 1e6)),
            new Row("receiver PCIe to host", c -> f("%.2f %%", c.receiverNic().pcieUtilizationToHost() * 100)),
            new Row("receiver PCIe to device", c -> f("%.2f %%", c.receiverNic().pcieUtilizationToDevice() * 100)),
            new Row("receiver offloads", c -> Long.toString(c.receiverNic().offloads())),
            new Row("receiver flushes", c -> Long.toString(c.receiverNic().flushes())),
            new Row("receiver fast-path segments", c -> Long.toString(c.receiverNic().fastPathSegments())),
            new Row("receiver slow-path segments", c -> Long.toString(c.receiverNic().slowPathSegments())),
            new Row("simulated time (ms)", c -> f("%.3f", c.details().result().summary().simTimePs() / 1e9)),
            new Row("wall time (ms)", c -> Long.toString(c.details().result().summary().wallTimeMs())));

    /** Whether the column's run is a result (a run that did not finish shows no figures). */
    static boolean valid(DefaultExperiment.Column c) {
        return c.details() != null && c.details().result().summary().status().valid();
    }

    private static String f(String format, double v) {
        return String.format(Locale.ROOT, format, v);
    }

    /** The side-by-side table and what limited each workload (as printed, without the result locations). */
    static String table(List<DefaultExperiment.Column> columns) {
        java.io.StringWriter sw = new java.io.StringWriter();
        PrintWriter out = new PrintWriter(sw);
        printTable(out, columns);
        printLimits(out, columns);
        out.flush();
        return sw.toString();
    }

    private static void printLimits(PrintWriter out, List<DefaultExperiment.Column> columns) {
        for (DefaultExperiment.Column c : columns) {
            if (valid(c)) {
                RunCommand.printBottlenecks(out, c.variant() + ": ", c.details().result().summary());
            }
        }
    }

    static void print(PrintWriter out, List<DefaultExperiment.Column> columns, Path base) {
        printTable(out, columns);
        printLimits(out, columns);
        out.println();
        for (DefaultExperiment.Column c : columns) {
            if (c.details() == null) {
                out.println(c.variant() + ": not run: " + c.error());
            } else if (!valid(c)) {
                out.println(c.variant() + ": NOT A VALID RESULT (partial run in " + base.resolve(c.variant())
                        .resolve("index.html") + "):");
                StatusReport.lines(c.details().result().summary()).forEach(l -> out.println("  " + l));
            } else {
                out.println(c.variant() + ": results in " + base.resolve(c.variant()).resolve("index.html"));
            }
        }
        out.println("comparison (table and plots of both receivers): "
                + base.resolve(ToesimCommand.COMPARISON_DIR).resolve("index.html"));
    }

    private static void printTable(PrintWriter out, List<DefaultExperiment.Column> columns) {
        out.println("ToeSim default experiment: client -> server over 10 Gbit/s, 2 us; bulk 16 MiB, then 500 requests "
                + "(128 B request, 16 KiB response); receiver with host stack vs TOE");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-28s", ""));
        for (DefaultExperiment.Column c : columns) {
            head.append(String.format(Locale.ROOT, " %14s", c.variant()));
        }
        out.println(head);
        for (Row r : ROWS) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", r.label()));
            for (DefaultExperiment.Column c : columns) {
                line.append(String.format(Locale.ROOT, " %14s", c.details() == null ? "n/a"
                        : !valid(c) ? "NOT VALID" : r.value().apply(c)));
            }
            out.println(line);
        }
    }
}
