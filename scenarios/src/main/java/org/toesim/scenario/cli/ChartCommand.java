package org.toesim.scenario.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.toesim.core.units.UnitException;
import org.toesim.core.units.Units;
import org.toesim.scenario.chart.ChartInputException;
import org.toesim.scenario.chart.ChartOptions;
import org.toesim.scenario.chart.ChartSummary;
import org.toesim.scenario.chart.SequenceCharts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code toesim chart TRACE}: sequence.html and sequence.mmd from a run's trace.jsonl. */
@Command(name = "chart", mixinStandardHelpOptions = true,
        description = {"Sequence chart of a run's trace.jsonl (written by run --trace):",
            "sequence.html (interactive, self-contained) and sequence.mmd (Mermaid, for docs)."})
final class ChartCommand implements Callable<Integer> {
    @ParentCommand
    ToesimCommand root;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "TRACE", description = "The trace (trace.jsonl of a run with --trace).")
    Path trace;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the charts (default: the trace's directory).")
    Path out;

    @Option(names = "--conn", paramLabel = "C", description = "Only records of this connection, e.g. 10.0.0.1:40000>10.0.0.2:5001 (either direction).")
    String conn;

    @Option(names = "--from", paramLabel = "TIME", description = "Only records at or after TIME, e.g. 1.5ms.")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Only records at or before TIME, e.g. 2ms.")
    String to;

    @Option(names = "--mermaid-max", paramLabel = "N", defaultValue = "" + ChartOptions.DEFAULT_MERMAID_MAX,
            description = "At most N records (arrows and notes) in sequence.mmd; 0 = all (default ${DEFAULT-VALUE}).")
    int mermaidMax;

    @Option(names = "--focus", paramLabel = "HOST", description = "The host drawn first (default: the host of the first offload record).")
    String focus;

    @Override
    public Integer call() {
        CliEnvironment env = root.env;
        ChartOptions options;
        try {
            long fromPs = from == null ? Long.MIN_VALUE : Units.durationPs(from);
            long toPs = to == null ? Long.MAX_VALUE : Units.durationPs(to);
            if (fromPs > toPs) {
                return Inputs.fail(env, ExitCodes.INPUT, "--from " + from + " is after --to " + to);
            }
            if (mermaidMax < 0) {
                return Inputs.fail(env, ExitCodes.INPUT, "--mermaid-max must be >= 0 (0 = all), got " + mermaidMax);
            }
            options = new ChartOptions(conn, fromPs, toPs, mermaidMax, focus, trace.getFileName().toString());
        } catch (UnitException e) {
            return Inputs.fail(env, ExitCodes.INPUT, (from != null && isBad(from) ? "--from " : "--to ") + e.getMessage());
        }
        Path dir = out != null ? out : trace.toAbsolutePath().getParent();
        ChartSummary s;
        try {
            s = SequenceCharts.write(trace, dir, options);
        } catch (ChartInputException e) {
            return Inputs.fail(env, ExitCodes.INPUT, e.getMessage());
        } catch (IOException e) {
            return Inputs.fail(env, ExitCodes.FAILURE, "writing the charts into " + dir + ": " + e);
        }
        if (common.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("html", s.html().toString());
            m.put("mermaid", s.mermaid().toString());
            m.put("recordsRead", s.recordsRead());
            m.put("recordsCharted", s.recordsCharted());
            m.put("lifelines", s.lifelines());
            m.put("mermaidRecords", s.mermaidRecords());
            m.put("mermaidOmitted", s.mermaidOmitted());
            m.put("htmlBytes", s.htmlBytes());
            env.out().println(Json.write(m));
        } else if (!common.quiet) {
            String size = s.htmlBytes() >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", s.htmlBytes() / 1e6)
                    : String.format(Locale.ROOT, "%.1f kB", s.htmlBytes() / 1e3);
            env.out().println(String.format(Locale.ROOT, "%s: %d of %d records, %d lifelines (%s)", s.html(),
                    s.recordsCharted(), s.recordsRead(), s.lifelines(), size));
            env.out().println(s.mermaid() + ": " + s.mermaidRecords() + " records"
                    + (s.mermaidOmitted() > 0 ? ", " + s.mermaidOmitted() + " left out (--mermaid-max " + mermaidMax + ")" : ""));
        }
        return ExitCodes.OK;
    }

    private static boolean isBad(String time) {
        try {
            Units.durationPs(time);
            return false;
        } catch (UnitException e) {
            return true;
        }
    }
}
