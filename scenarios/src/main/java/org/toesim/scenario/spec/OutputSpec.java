package org.toesim.scenario.spec;

import java.util.Set;
import org.toesim.core.trace.FilteringTraceSink;
import org.toesim.core.trace.TraceCategory;

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
 * @param traceCategories      the trace categories written ({@code "offload,pcie,tcp"}); null for all
 * @param traceConnection      only records about this connection ({@code ip:port} or
 *                             {@code ip:port>ip:port}) and records about none; null for all
 */
public record OutputSpec(boolean pcap, boolean trace, long timeSeriesIntervalPs, List<PlotFormat> plots,
                         String traceCategories, String traceConnection) {
    /** Time series every 1ms, PNG and SVG plots, no pcap, no trace. */
    public static final OutputSpec DEFAULT = of(null, null, null, null, null, null);

    public OutputSpec {
        plots = Checks.list(plots);
        if (traceCategories != null) {
            try {
                TraceCategory.parseList(traceCategories);
            } catch (IllegalArgumentException e) {
                throw new FieldException("traceCategories", e.getMessage(), "all or a list such as offload,pcie,tcp");
            }
        }
        if (traceConnection != null) {
            try {
                FilteringTraceSink.parseConnection(traceConnection);
            } catch (IllegalArgumentException e) {
                throw new FieldException("traceConnection", e.getMessage(), "ip:port or ip:port>ip:port");
            }
        }
        if (plots.stream().distinct().count() != plots.size()) {
            throw new FieldException("plots", "lists a format twice", "each of png, svg at most once");
        }
    }

    /** Outputs without trace filters. */
    public OutputSpec(boolean pcap, boolean trace, long timeSeriesIntervalPs, List<PlotFormat> plots) {
        this(pcap, trace, timeSeriesIntervalPs, plots, null, null);
    }

    /** A copy with pcap and trace switched on where {@code pcap}/{@code trace} are true. */
    public OutputSpec orWith(boolean pcapWanted, boolean traceWanted) {
        return new OutputSpec(pcap || pcapWanted, trace || traceWanted, timeSeriesIntervalPs, plots, traceCategories,
                traceConnection);
    }

    /** A copy with the trace on and the given filters where they are not null. */
    public OutputSpec withTrace(String categories, String connection) {
        return new OutputSpec(pcap, true, timeSeriesIntervalPs, plots,
                categories != null ? categories : traceCategories, connection != null ? connection : traceConnection);
    }

    /** The categories written. */
    public Set<TraceCategory> traceCategorySet() {
        return TraceCategory.parseList(traceCategories == null ? "all" : traceCategories);
    }

    @JsonCreator
    static OutputSpec of(@JsonProperty("pcap") Boolean pcap,
                         @JsonProperty("trace") Boolean trace,
                         @JsonProperty("timeSeries") @JsonDeserialize(using = Quantities.Duration.class) Long timeSeries,
                         @JsonProperty("plots") List<PlotFormat> plots,
                         @JsonProperty("traceCategories") String traceCategories,
                         @JsonProperty("traceConnection") String traceConnection) {
        return new OutputSpec(Checks.or(pcap, false), Checks.or(trace, false), Checks.or(timeSeries, 1_000_000_000L),
                plots != null ? plots : List.of(PlotFormat.PNG, PlotFormat.SVG), traceCategories, traceConnection);
    }
}
