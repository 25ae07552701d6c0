package org.toesim.scenario.result;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Fills an output directory all-or-nothing: everything is written into a temporary directory
 * beside the target, which is renamed onto the target only when the body succeeds. A failed
 * or interrupted run leaves no half-written target (an earlier complete one stays in place).
 *
 * <pre>
 *   out/run1  exists?  -- body(tmp=out/.run1.tmp-123) ok --&gt; rename run1 -&gt; .run1.old-123
 *                                                            rename tmp  -&gt; run1, delete old
 *             body throws --&gt; delete tmp, rethrow (run1 untouched)
 * </pre>
 */
public final class AtomicOutputDirectory {
    /** The work done inside the temporary directory. */
    @FunctionalInterface
    public interface Body<T> {
        T fill(Path tempDir) throws Exception;
    }

    private AtomicOutputDirectory() {
    }

    /** Runs {@code body} in a fresh temporary directory and moves it to {@code target} on success. */
    public static <T> T write(Path target, Body<T> body) throws Exception {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        String name = abs.getFileName().toString();
        Path tmp = Files.createTempDirectory(parent, "." + name + ".tmp-");
        try {
            T value = body.fill(tmp);
            Path old = null;
            if (Files.exists(abs)) {
                old = parent.resolve("." + name + ".old-" + tmp.getFileName().toString().substring(name.length() + 6));
                Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) {
                deleteTree(old);
            }
            return value;
        } catch (Exception | Error e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /** Deletes a directory tree if it exists. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
