package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toesim.scenario.model.DefaultExperiment;
import org.toesim.scenario.model.ModelExecutor;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.result.HostReport;
import org.toesim.scenario.result.NicReport;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.result.RunStatus;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.result.TimeSeries;

/** The default experiment's table never shows the figures of a run that did not finish. */
class DefaultExperimentTableTest {
    @Test
    void aColumnThatDidNotFinishShowsNoFiguresAndItsReason() {
        ConnectionReport bulk = new ConnectionReport("bulk.c0", "client", "server", 4_194_304, 16_777_216, false,
                7.5e9, 3, true, 0, "ok", "server: card: no posted buffer (65536 bytes held), ESTABLISHED: idle", 0, 0);
        SummaryReport s = new SummaryReport("default", 1, RunStatus.LIMIT_REACHED, "the safety limit stop.limit = 1s "
                + "of simulated time was reached before every workload finished", 1_000_000_000_000L, 10, 100,
                List.of(bulk), List.of(new HostReport("client", 0.1, 1, 1), new HostReport("server", 0.1, 1, 1)),
                List.of(new NicReport("client", "plain", 0, 0, 0, 0, 0, 0, 0),
                        new NicReport("server", "toe", 1, 0, 0, 0, 0, 0, 0)), "0011223344556677");
        DefaultExperiment.Column col = new DefaultExperiment.Column("toe",
                new ModelExecutor.Details(new RunResult(s, TimeSeries.empty()), Map.of(), Map.of("server", 0.0)), null);
        StringWriter sw = new StringWriter();
        DefaultExperimentTable.print(new PrintWriter(sw, true), List.of(col), Path.of("toesim-out", "default"));
        String text = sw.toString();
        assertTrue(text.contains("NOT VALID"), text);
        assertFalse(text.contains("7.500"), "no goodput of a partial run: " + text);
        assertTrue(text.contains("toe: NOT A VALID RESULT"), text);
        assertTrue(text.contains("did not finish: limitReached"), text);
        assertTrue(text.contains("bulk.c0 (client -> server): 4194304 of 16777216 bytes delivered (25.0 %); "
                + "waiting for: server: card: no posted buffer"), text);
    }
}
