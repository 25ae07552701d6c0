package org.toesim.scenario.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An experiment's grid, read from its {@code sweep.json}: panels, each a set of series (override
 * lists, e.g. host stack against TOE) over one swept field's values, replicated. {@code quick}
 * is the reduced plan CI runs.
 *
 * @param name         the experiment's name (its directory)
 * @param title        one line for reports
 * @param citation     what it reproduces
 * @param replications runs per point (seeds seed, seed+1, ...)
 * @param panels       the panels
 * @param quick        the reduced plan
 */
public record ExperimentPlan(String name, String title, String citation, int replications, List<Panel> panels,
                             Quick quick) {
    @JsonCreator
    public ExperimentPlan(@JsonProperty("name") String name, @JsonProperty("title") String title,
                          @JsonProperty("citation") String citation, @JsonProperty("replications") int replications,
                          @JsonProperty("panels") List<Panel> panels, @JsonProperty("quick") Quick quick) {
        this.name = name;
        this.title = title;
        this.citation = citation;
        this.replications = replications;
        this.panels = List.copyOf(panels);
        this.quick = quick;
        if (replications < 1 || panels.isEmpty() || quick == null) {
            throw new IllegalArgumentException("experiment " + name + ": needs replications >= 1, panels and quick");
        }
    }

    /**
     * One panel: {@code series} over {@code x}.
     *
     * @param name        short name (file names, points.csv)
     * @param title       the figure's title
     * @param base        the scenario file in the experiment's directory
     * @param x           the swept field
     * @param series      the compared configurations
     * @param set         overrides every run of the panel gets
     * @param quickSet    overrides the panel's runs get in the quick plan (shorter runs)
     */
    public record Panel(String name, String title, String base, Axis x, List<Series> series, List<String> set,
                        List<String> quickSet) {
        @JsonCreator
        public Panel(@JsonProperty("name") String name, @JsonProperty("title") String title,
                     @JsonProperty("base") String base, @JsonProperty("x") Axis x,
                     @JsonProperty("series") List<Series> series, @JsonProperty("set") List<String> set,
                     @JsonProperty("quickSet") List<String> quickSet) {
            this.quickSet = quickSet == null ? List.of() : List.copyOf(quickSet);
            this.name = name;
            this.title = title;
            this.base = base == null ? "base.json" : base;
            this.x = x;
            this.series = List.copyOf(series);
            this.set = set == null ? List.of() : List.copyOf(set);
        }
    }

    /**
     * The swept field.
     *
     * @param label       axis label
     * @param path        the override path ({@code workloads[0].size})
     * @param values      values as written in scenario files ({@code "4KiB"}, {@code "1e-3"})
     * @param quickValues the values of the quick plan
     */
    public record Axis(String label, String path, List<String> values, List<String> quickValues) {
        @JsonCreator
        public Axis(@JsonProperty("label") String label, @JsonProperty("path") String path,
                    @JsonProperty("values") List<String> values, @JsonProperty("quickValues") List<String> quickValues) {
            this.label = label;
            this.path = path;
            this.values = List.copyOf(values);
            this.quickValues = quickValues == null ? this.values : List.copyOf(quickValues);
        }
    }

    /** One configuration: a name and its overrides. */
    public record Series(String name, List<String> set) {
        @JsonCreator
        public Series(@JsonProperty("name") String name, @JsonProperty("set") List<String> set) {
            this.name = name;
            this.set = set == null ? List.of() : List.copyOf(set);
        }
    }

    /** The reduced plan: fewer replications (each panel's {@code quickSet} shortens its runs). */
    public record Quick(int replications) {
        @JsonCreator
        public Quick(@JsonProperty("replications") int replications) {
            this.replications = replications;
        }
    }
}
