package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;

/**
 * A small run with pcap on: one capture per NIC port, and, when tshark is installed, every
 * frame of it decodes with correct IP and TCP checksums.
 */
class PcapEndToEndTest {
    @Test
    void capturesDecodeWithCorrectChecksums(@TempDir Path dir) throws Exception {
        var s = Scenarios.parse("""
                {"name": "pcap", "outputs": {"pcap": true, "timeSeries": "0s"},
                 "hosts": [{"name": "a"}, {"name": "b", "nic": {"checksumOffload": false}}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "256KiB"},
                               {"type": "requestResponse", "from": "a", "to": "b", "requests": 5, "response": "3000B"}]}
                """);
        var r = new ModelExecutor().execute(s, new RunContext(dir, ProgressListener.NONE));
        assertEquals("ok", r.summary().connections().get(0).integrity());
        for (String host : List.of("a", "b")) {
            Path pcap = dir.resolve(host + "-eth0.pcap");
            assertTrue(Files.size(pcap) > 256 * 1024, pcap + " holds the transfer");
            String decoded = tshark(pcap);
            assertTrue(decoded.contains("Transmission Control Protocol"), decoded.substring(0, Math.min(2000, decoded.length())));
            assertFalse(decoded.contains("Malformed"), "malformed frame in " + pcap);
            assertFalse(decoded.contains("incorrect"), "bad checksum in " + pcap + ": " + firstLineWith(decoded, "incorrect"));
        }
    }

    @Test
    void aToeHostsCaptureHoldsWhatItReceivedAndSentWithCorrectChecksums(@TempDir Path dir) throws Exception {
        var s = Scenarios.parse("""
                {"name": "pcap-toe", "outputs": {"pcap": true, "timeSeries": "0s"},
                 "hosts": [{"name": "a"}, {"name": "b", "nic": {"model": "toe"}, "offload": "always"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "256KiB", "tcp": {"realBytes": true}}]}
                """);
        var r = new ModelExecutor().execute(s, new RunContext(dir, ProgressListener.NONE));
        assertEquals("ok", r.summary().connections().get(0).integrity());
        assertTrue(r.summary().connections().get(0).offloaded());
        Path pcap = dir.resolve("b-eth0.pcap");
        assertTrue(Files.size(pcap) > 256 * 1024, pcap + " holds the received transfer");
        String decoded = tshark(pcap);
        assertTrue(decoded.contains("Transmission Control Protocol"));
        assertFalse(decoded.contains("Malformed"), "malformed frame in " + pcap);
        // the card's own ACKs included
        assertFalse(decoded.contains("incorrect"), "bad checksum in " + pcap + ": " + firstLineWith(decoded, "incorrect"));
    }

    private static String tshark(Path pcap) throws IOException, InterruptedException {
        Process which = new ProcessBuilder("sh", "-c", "command -v tshark").redirectErrorStream(true).start();
        boolean present = which.waitFor() == 0;
        assumeTrue(present, "tshark is not installed: skipping the decode of " + pcap + " (the capture was written)");
        Process p = new ProcessBuilder("tshark", "-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE",
                "-r", pcap.toString(), "-V").redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tshark finished");
        assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String firstLineWith(String text, String needle) {
        return text.lines().filter(l -> l.contains(needle)).findFirst().orElse("");
    }
}
