package org.toesim.scenario.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reference judge {@code ref-linux/pcapcheck} (python3 + tshark) on a capture and reads
 * the figures the suite compares from its JSON. The same reader takes the references' stored
 * {@code NAME.pcapcheck.json}, so both sides are judged by the same program.
 *
 * @param script the {@code pcapcheck} executable
 */
public record PcapCheck(Path script) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_S = 600;

    /**
     * What is missing for pcapcheck to run here (the script, python3 or tshark), or null when
     * it can run.
     */
    public String missing() {
        if (!Files.isExecutable(script)) {
            return script + " not found";
        }
        for (String tool : List.of("python3", "tshark")) {
            if (!onPath(tool)) {
                return tool + " not on PATH";
            }
        }
        return null;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Starts pcapcheck on {@code capture}, its JSON going to {@code jsonOut}. */
    public Process start(Path capture, Path jsonOut) throws IOException {
        return new ProcessBuilder(script.toString(), capture.toString())
                .redirectOutput(jsonOut.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Waits for {@code p} (started by {@link #start}) and reads its JSON. */
    public static Judged await(Process p, Path jsonOut) throws IOException, InterruptedException {
        if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("pcapcheck did not finish in " + TIMEOUT_S + " s");
        }
        if (p.exitValue() > 1 || Files.size(jsonOut) == 0) {
            throw new IOException("pcapcheck failed (exit " + p.exitValue() + ") on the capture for " + jsonOut);
        }
        return read(jsonOut);
    }

    /** Runs pcapcheck on {@code capture} and waits for it. */
    public Judged run(Path capture, Path jsonOut) throws IOException, InterruptedException {
        return await(start(capture, jsonOut), jsonOut);
    }

    /** Reads a pcapcheck JSON (one of ours or a reference's stored one). */
    public static Judged read(Path json) throws IOException {
        JsonNode root = JSON.readTree(json.toFile());
        JsonNode h = root.path("headline");
        String dataDir = h.path("direction").asText();
        JsonNode dirs = root.path("streams").path(h.path("stream").asInt()).path("directions");
        JsonNode ackDir = null;
        for (var it = dirs.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getKey().equals(dataDir)) {
                ackDir = e.getValue();
            }
        }
        return new Judged(root.path("verdict").asText(), h.path("goodput_bps").asDouble() / 1e6,
                h.path("retransmissions").asLong(), h.path("duplicate_acks").asLong(), ints(h.path("mss")),
                ints(h.path("wscale")), h.path("sack_permitted").asBoolean(), h.path("timestamps").asBoolean(),
                ackDir == null ? 0 : ackDir.path("frames").asLong(),
                ackDir == null ? 0 : ackDir.path("max_rwnd_advertised").asLong(),
                ackDir == null ? 0 : ackDir.path("sack_block_frames").asLong());
    }

    private static List<Integer> ints(JsonNode a) {
        java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
        a.forEach(n -> out.add(n.asInt()));
        return List.copyOf(out);
    }

    /**
     * The compared fields of one pcapcheck verdict.
     *
     * @param verdict          {@code pass} or {@code fail}
     * @param goodputMbps      headline goodput
     * @param retransmissions  headline retransmissions (tshark's analysis)
     * @param duplicateAcks    headline duplicate ACKs
     * @param mss              negotiated MSS, client then server
     * @param wscale           window scale, client then server
     * @param sack             SACK permitted both ways
     * @param timestamps       timestamps both ways
     * @param ackDirFrames     frames from the receiver (pure ACKs plus SYN-ACK and FIN)
     * @param maxRwndBytes     largest window the receiver advertised (scaled)
     * @param sackBlockFrames  receiver frames carrying SACK blocks
     */
    public record Judged(String verdict, double goodputMbps, long retransmissions, long duplicateAcks,
                         List<Integer> mss, List<Integer> wscale, boolean sack, boolean timestamps,
                         long ackDirFrames, long maxRwndBytes, long sackBlockFrames) {
        /** The negotiated options as one comparable string. */
        public String options() {
            return "mss " + mss + " wscale " + wscale + " sack " + sack + " ts " + timestamps;
        }
    }
}
