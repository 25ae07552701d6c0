package org.toesim.nic.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;
import org.toesim.nic.frame.TestFrames;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.SackBlock;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

/**
 * Dissects a capture with Wireshark's tshark, checksum validation on:
 * {@code tshark -o tcp.check_checksum:TRUE -o ip.check_checksum:TRUE -r FILE -V}.
 * Skipped when tshark is not installed.
 */
class TsharkDissectionTest {
    @TempDir
    Path dir;

    @Test
    void tsharkFindsNoMalformedFramesOrBadChecksums() throws Exception {
        String out = dissect(handshakeDataSackFin(), "conversation.pcap");
        assertFalse(out.contains("Malformed"), out);
        assertFalse(out.toLowerCase().contains("incorrect"), out);
        assertEquals(10, count(out, "[Checksum Status: Good]") + count(out, "[Header checksum status: Good]"), out);
        assertTrue(out.contains("Maximum segment size: 1460 bytes"), out);
        assertTrue(out.contains("Window scale: 7"), out);
        assertTrue(out.contains("SACK permitted"), out);
        assertTrue(out.contains("left edge = "), out);
        assertTrue(out.contains("Timestamp value: 1001"), out);
        assertTrue(out.contains("[FIN, ACK]") || out.contains("FIN, ACK"), out);
    }

    @Test
    void tsharkFlagsACorruptedFrame() throws Exception {
        String out = dissect(List.of(TestFrames.data(5, 0, 100, List.of()).asCorrupted()), "corrupt.pcap");
        assertTrue(out.toLowerCase().contains("incorrect") || out.contains("Checksum Status: Bad"), out);
    }

    /** SYN, SYN-ACK, data with timestamps, ACK with two SACK blocks, FIN. */
    static List<Frame> handshakeDataSackFin() {
        Frame syn = TestFrames.syn();
        TcpOptions synAckOpts = new TcpOptions(1460, 9, true, true, 500, 1, List.of());
        Segment synAck = new Segment(80, 40000, 0x7000_0000, 0x01020305, TcpFlags.SYN | TcpFlags.ACK, 65160, 0,
                synAckOpts, Payload.EMPTY);
        Frame f2 = Frame.of(2, TestFrames.MAC_B, TestFrames.MAC_A,
                Ipv4Header.of(TestFrames.IP_B, TestFrames.IP_A, 0), synAck);
        Frame data = TestFrames.data(1, 0, 1000, List.of());
        Segment sackAck = new Segment(80, 40000, 0x7000_0001, 0x01020305 + 1000, TcpFlags.ACK, 500, 0,
                new TcpOptions(-1, -1, false, true, 501, 1001, List.of(
                        new SackBlock(0x01020305 + 2000, 0x01020305 + 3000),
                        new SackBlock(0x01020305 + 4000, 0x01020305 + 5000))), Payload.EMPTY);
        Frame f4 = Frame.of(4, TestFrames.MAC_B, TestFrames.MAC_A,
                Ipv4Header.of(TestFrames.IP_B, TestFrames.IP_A, 1), sackAck);
        Segment fin = new Segment(40000, 80, 0x01020305 + 1000, 0x7000_0001, TcpFlags.FIN | TcpFlags.ACK, 512, 0,
                TcpOptions.NONE.withTimestamps(1002, 501), Payload.EMPTY);
        Frame f5 = Frame.of(5, TestFrames.MAC_A, TestFrames.MAC_B, Ipv4Header.of(TestFrames.IP_A, TestFrames.IP_B, 2), fin);
        return List.of(syn, f2, data, f4, f5);
    }

    private String dissect(List<Frame> frames, String name) throws Exception {
        Assumptions.assumeTrue(tsharkPath() != null, "tshark is not installed; skipping the dissection check");
        File file = dir.resolve(name).toFile();
        try (PcapWriter w = new PcapWriter(new FileOutputStream(file), PcapWriter.Resolution.NANOS)) {
            long t = 1_000_000;
            for (Frame f : frames) {
                w.write(f, t);
                t += 50_000_000;
            }
        }
        ProcessBuilder pb = new ProcessBuilder(tsharkPath(), "-o", "tcp.check_checksum:TRUE", "-o",
                "ip.check_checksum:TRUE", "-r", file.getPath(), "-V");
        pb.redirectErrorStream(true);
        Path log = dir.resolve(name + ".txt");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tshark did not finish");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static String tsharkPath() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(d, "tshark");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

}
