package org.toesim.scenario.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the installed Chromium headless on a page with {@code #selftest} (sequence.html, a sweep's
 * index.html) and returns the JSON the page wrote into {@code <pre id="selftest">}. Without
 * Chromium on PATH the calling test is skipped, except under {@code CI=true}, where that is a
 * failure (CI installs it).
 */
public final class HeadlessChromium {
    private static final Pattern SELFTEST = Pattern.compile("<pre id=\"selftest\">(.*?)</pre>", Pattern.DOTALL);
    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser, or the test is skipped (fails under CI=true) naming what is missing. */
    public static HeadlessChromium require() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(p)) {
                    return new HeadlessChromium(p);
                }
            }
        }
        String message = "chromium is not on PATH (Debian: apt-get install chromium); the browser tests of "
                + "sequence.html and the sweep page need it";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " and CI=true: .ci/run installs it, so this is a CI set-up failure");
        }
        Assumptions.abort(message + " - skipped");
        return null;
    }

    /** Opens {@code html} with {@code fragment} (e.g. {@code #selftest=MmioWrite}); the self-test JSON. */
    public JsonNode selfTest(Path html, String fragment, Path workDir, long timeoutSeconds) throws Exception {
        Path dom = workDir.resolve("dom.html");
        Process p = command(workDir, "--window-size=1400,900", "--dump-dom", html.toUri() + fragment)
                .redirectOutput(dom.toFile())
                .redirectError(workDir.resolve("chromium.log").toFile())
                .start();
        finish(p, timeoutSeconds, workDir);
        String text = Files.readString(dom, StandardCharsets.UTF_8);
        Matcher m = SELFTEST.matcher(text);
        Assertions.assertTrue(m.find(), () -> "no <pre id=\"selftest\"> with content in the dumped DOM (" + text.length()
                + " chars): " + text.substring(0, Math.min(2000, text.length())));
        String json = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", "\u00a0").replace("&amp;", "&");
        return new ObjectMapper().readTree(json);
    }

    /** Writes a PNG of {@code url} at 1400x900. */
    public void screenshot(String url, Path png, Path workDir) throws Exception {
        screenshot(url, png, workDir, 1400, 900);
    }

    /** Writes a PNG of {@code url} in a window of {@code width} x {@code height} pixels. */
    public void screenshot(String url, Path png, Path workDir, int width, int height) throws Exception {
        Process p = command(workDir, "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                url)
                .redirectOutput(workDir.resolve("chromium.out").toFile())
                .redirectError(workDir.resolve("chromium.log").toFile())
                .start();
        finish(p, 60, workDir);
    }

    private ProcessBuilder command(Path workDir, String windowSize, String action, String url) throws IOException {
        Path profile = Files.createDirectories(workDir.resolve("chromium-profile"));
        return new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions", "--hide-scrollbars",
                "--user-data-dir=" + profile.toAbsolutePath(), windowSize, action, url);
    }

    private static void finish(Process p, long timeoutSeconds, Path workDir) throws Exception {
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Assertions.fail("chromium did not finish within " + timeoutSeconds + " s; log in " + workDir);
        }
        Assertions.assertEquals(0, p.exitValue(), () -> "chromium exited with " + p.exitValue() + "; log: "
                + readQuietly(workDir.resolve("chromium.log")));
    }

    private static String readQuietly(Path log) {
        try {
            String s = Files.readString(log);
            return s.substring(Math.max(0, s.length() - 3000));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
