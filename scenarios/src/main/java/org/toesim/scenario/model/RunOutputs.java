package org.toesim.scenario.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.toesim.core.trace.FilteringTraceSink;
import org.toesim.core.trace.JsonLinesTraceSink;
import org.toesim.core.trace.TraceSink;
import org.toesim.nic.pcap.PcapWriter;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.HostSpec;
import org.toesim.scenario.spec.Scenario;

/**
 * The files a run writes itself, in {@code RunContext.outputDir}: one capture per NIC port
 * ({@code <host>-eth0.pcap}, nanosecond timestamps, frames as sent and as received after the
 * FCS check) when {@code outputs.pcap}, and {@code trace.jsonl} (every typed trace record)
 * when {@code outputs.trace}. Without an output directory (sweeps, checks) nothing is written.
 */
final class RunOutputs implements AutoCloseable {
    /** Name of the one NIC port each host has. */
    static final String PORT_NAME = "eth0";

    final Map<String, PcapWriter> pcapByHost = new LinkedHashMap<>();
    final TraceSink trace;

    RunOutputs(Scenario s, Path outputDir) throws SimulationException {
        TraceSink t = TraceSink.NONE;
        try {
            if (outputDir != null && s.outputs().pcap()) {
                Files.createDirectories(outputDir);
                for (HostSpec h : s.hosts()) {
                    OutputStream out = Files.newOutputStream(outputDir.resolve(h.name() + "-" + PORT_NAME + ".pcap"));
                    pcapByHost.put(h.name(), new PcapWriter(out, PcapWriter.Resolution.NANOS));
                }
            }
            if (outputDir != null && s.outputs().trace()) {
                Files.createDirectories(outputDir);
                t = new JsonLinesTraceSink(Files.newOutputStream(outputDir.resolve("trace.jsonl")));
                if (s.outputs().traceCategories() != null || s.outputs().traceConnection() != null) {
                    t = new FilteringTraceSink(t, s.outputs().traceCategorySet(), s.outputs().traceConnection());
                }
            }
        } catch (IOException e) {
            pcapByHost.values().forEach(PcapWriter::close);
            t.close();
            throw new SimulationException("cannot create output files in " + outputDir + ": " + e.getMessage(), e);
        }
        this.trace = t;
    }

    private RunOutputs(Map<String, PcapWriter> pcapByHost, TraceSink trace) {
        this.pcapByHost.putAll(pcapByHost);
        this.trace = trace;
    }

    /**
     * The same files with {@code sink} as the trace (which must forward to {@link #trace});
     * closing stays with this object.
     */
    RunOutputs withTrace(TraceSink sink) {
        return new RunOutputs(pcapByHost, sink);
    }

    @Override
    public void close() {
        for (PcapWriter w : pcapByHost.values()) {
            w.close();
        }
        if (trace != null) {
            trace.close();
        }
    }
}
