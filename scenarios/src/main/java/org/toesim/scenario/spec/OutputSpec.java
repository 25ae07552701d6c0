package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * What a run writes besides summary.json.
 *
 * @param pcap                 write capture.pcap of every link (default false)
 * @param trace                write trace.jsonl of typed trace records (default false)
 * @param timeSeriesIntervalPs sampling interval of timeseries.csv; 0 turns it off (default 1ms)
 * @param plots                plot formats (default png and svg); empty for none
 */
public record OutputSpec(boolean pcap, boolean trace, long timeSeriesIntervalPs, List<PlotFormat> plots) {
    /** Time series every 1ms, PNG and SVG plots, no pcap, no trace. */
    public static final OutputSpec DEFAULT = of(null, null, null, null);

    public OutputSpec {
        plots = Checks.list(plots);
        if (plots.stream().distinct().count() != plots.size()) {
            throw new FieldException("plots", "lists a format twice", "each of png, svg at most once");
        }
    }

    /** A copy with pcap and trace switched on where {@code pcap}/{@code trace} are true. */
    public OutputSpec orWith(boolean pcapWanted, boolean traceWanted) {
        return new OutputSpec(pcap || pcapWanted, trace || traceWanted, timeSeriesIntervalPs, plots);
    }

    @JsonCreator
    static OutputSpec of(@JsonProperty("pcap") Boolean pcap,
                         @JsonProperty("trace") Boolean trace,
                         @JsonProperty("timeSeries") @JsonDeserialize(using = Quantities.Duration.class) Long timeSeries,
                         @JsonProperty("plots") List<PlotFormat> plots) {
        return new OutputSpec(Checks.or(pcap, false), Checks.or(trace, false), Checks.or(timeSeries, 1_000_000_000L),
                plots != null ? plots : List.of(PlotFormat.PNG, PlotFormat.SVG));
    }
}
