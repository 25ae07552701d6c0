package org.toesim.scenario.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.toesim.core.stats.Tally;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.result.HostReport;
import org.toesim.scenario.result.NicReport;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioDocument;
import org.toesim.scenario.spec.ScenarioException;

/**
 * The built-in default experiment ({@code default-experiment.json}): the same bulk transfer and
 * request-response workload from {@code client} to {@code server}, once with a host-stack
 * receiver (plain NIC) and once with a TOE receiver ({@code hosts[1].nic.model=toe}).
 */
public final class DefaultExperiment {
    /** The scenario resource. */
    public static final String RESOURCE = "default-experiment.json";
    /** The receiver variants: column name and the overrides that make it. */
    public static final List<Variant> VARIANTS = List.of(
            new Variant("host-stack", List.of()),
            new Variant("toe", List.of("hosts[1].nic.model=toe")));

    private DefaultExperiment() {
    }

    /** One receiver variant. */
    public record Variant(String name, List<String> overrides) {
    }

    /**
     * One column of the table: the run's figures, or why it could not run.
     *
     * @param variant the variant's name
     * @param details the run, or null
     * @param error   why the run failed, or null
     */
    public record Column(String variant, ModelExecutor.Details details, String error) {
        /** The receiver's (server's) host report. */
        public HostReport receiver() {
            return details.result().summary().hosts().get(1);
        }

        /** The receiver's adapter. */
        public NicReport receiverNic() {
            return details.result().summary().nics().get(1);
        }

        /** The bulk connection. */
        public ConnectionReport bulk() {
            return details.result().summary().connections().get(0);
        }

        /** The receiver's copy and checksum cycles per received byte (0 on a TOE's fast path). */
        public double receiverPayloadCyclesPerByte() {
            return details.payloadCyclesPerByteRx().get(receiver().name());
        }

        /** The request latencies of the request-response connection. */
        public Tally.Report latency() {
            return details.requestLatencyPs().get("rr.c0");
        }
    }

    /** The scenario of {@code variant}. */
    public static Scenario scenario(Variant variant) throws ScenarioException, IOException {
        String text;
        try (InputStream in = DefaultExperiment.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCE + " is missing from this build");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return ScenarioDocument.parse(text, RESOURCE, ScenarioDocument.Syntax.JSON)
                .withOverrides(variant.overrides()).bind();
    }

    /**
     * Runs every variant through {@code writer} (which runs the model and writes its files). A
     * variant the build cannot run becomes a column with its error.
     */
    public static List<Column> run(Writer writer) throws Exception {
        List<Column> out = new java.util.ArrayList<>();
        for (Variant v : VARIANTS) {
            Scenario s = scenario(v);
            try {
                ModelExecutor.Details d = writer.write(v, s);
                out.add(new Column(v.name(), d, null));
            } catch (SimulationException e) {
                out.add(new Column(v.name(), null, e.getMessage()));
            }
        }
        return out;
    }

    /** Runs a variant and writes its files (the command line's atomic output directory). */
    @FunctionalInterface
    public interface Writer {
        ModelExecutor.Details write(Variant v, Scenario s) throws Exception;
    }

    /** Where the variant's results go under {@code base} (e.g. toesim-out/default/toe). */
    public static Path outputDir(Path base, Variant v) {
        return base.resolve(v.name());
    }

    /** Results of one run, for writers that only need the RunResult. */
    public static RunResult result(Column c) {
        return c.details() == null ? null : c.details().result();
    }
}
