package org.toesim.scenario.result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes one file so that readers see the old content or the whole new one, never a part: a
 * temporary file beside it, then an atomic rename over it. A CI job that collects reports while
 * another step still writes one, or a killed run, leaves no half-written file behind.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * Checks, before anything runs, that {@code file} can be written: not a directory, its
     * directory exists or can be made, and a file can be created there.
     *
     * @throws OutputLocationException with a one-line reason otherwise
     */
    public static void checkWritable(Path file) throws OutputLocationException {
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new OutputLocationException(file + ": is a directory");
        }
        try {
            Files.createDirectories(abs.getParent());
            Files.delete(Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp"));
        } catch (IOException e) {
            throw new OutputLocationException(file + ": cannot write there: " + AtomicOutputDirectory.describe(e));
        }
    }

    /** Replaces {@code file} with {@code text} (UTF-8) atomically, creating its directory if needed. */
    public static void writeString(Path file, String text) throws IOException {
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
