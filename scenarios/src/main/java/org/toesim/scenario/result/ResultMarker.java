package org.toesim.scenario.result;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The file that marks a directory as ToeSim's own result ({@code .toesim-result}): ToeSim
 * replaces an existing directory only when it carries this marker, so a user's directory is
 * never emptied by a mistyped {@code --out}.
 *
 * <pre>
 *   .toesim-result:  toesim-result-format: 1
 *                    kind: run | sweep | comparison
 * </pre>
 */
public final class ResultMarker {
    /** The marker's file name inside a result directory. */
    public static final String FILE_NAME = ".toesim-result";
    /** The first line of every marker; the number changes when the layout of results does. */
    public static final String FORMAT_LINE = "toesim-result-format: 1";
    private static final String FORMAT_PREFIX = "toesim-result-format:";

    private ResultMarker() {
    }

    /** Writes the marker into {@code dir} ({@code kind} says which command wrote the directory). */
    public static void write(Path dir, String kind) throws IOException {
        Files.writeString(dir.resolve(FILE_NAME), FORMAT_LINE + "\nkind: " + kind + "\n", StandardCharsets.UTF_8);
    }

    /** True when {@code dir} holds a marker whose first line is a ToeSim format line. */
    public static boolean isPresent(Path dir) {
        Path f = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first != null && first.startsWith(FORMAT_PREFIX);
        } catch (IOException e) {
            return false;
        }
    }
}
