package org.toesim.scenario.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.spec.Scenario;

/**
 * docs/library.md's example is the test: its Java block is compiled against this build and run,
 * and it must print what the page says it prints. Plus the file-based calls of {@link Toesim}.
 */
class LibraryExampleTest {
    private static final Path DOC = Path.of("..", "docs", "library.md");

    @Test
    void theDocumentedExampleCompilesRunsAndPrintsWhatTheDocSays(@TempDir Path tmp) throws Exception {
        String doc = Files.readString(DOC);
        Matcher java = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(java.find(), "docs/library.md has a java block");
        Path src = tmp.resolve("LibraryExample.java");
        Files.writeString(src, java.group(1));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", tmp.toString(), "-classpath", System.getProperty("java.class.path"),
                src.toString());
        assertEquals(0, rc, "the example compiles");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        // the example prints with System.out; capture it for the comparison (test code only)
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass("LibraryExample").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        Matcher printed = Pattern.compile("Prints \\(seed 7\\):\n\n```\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(printed.find(), "docs/library.md shows the output");
        assertEquals(printed.group(1), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void loadWithOverridesAndRunIntoADirectoryWritesTheResultFiles(@TempDir Path tmp) throws Exception {
        Scenario s = Toesim.load(Path.of("..", "src-test-data", "src", "main", "resources", "scenarios", "bulk-toe.json"),
                "workloads[0].size=2MiB");
        Path out = tmp.resolve("out");
        RunResult r = Toesim.run(s, out);
        assertTrue(r.summary().status().valid(), r.summary().statusReason());
        assertEquals(2 << 20, r.summary().connections().get(0).bytesDelivered());
        for (String f : List.of("summary.json", "scalars.csv", "index.html")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        assertEquals(r.summary().traceDigest(), Toesim.run(s).summary().traceDigest(), "in memory: the same run");
    }
}
