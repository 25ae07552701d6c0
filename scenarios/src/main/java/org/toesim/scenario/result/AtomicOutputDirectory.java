package org.toesim.scenario.result;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Fills an output directory all-or-nothing, and never removes what ToeSim did not create.
 * Everything is written into a temporary directory beside the target, which replaces the
 * target only when the body succeeds. The target may be absent, an empty directory or a
 * previous ToeSim result (it carries {@link ResultMarker}); anything else (a file, a user's
 * non-empty directory, a symbolic link) is refused before the body runs.
 *
 * <pre>
 *   check target --(file, foreign dir, link, cannot create)--&gt; OutputLocationException, nothing touched
 *   remove stale .run1.toesim-tmp-&lt;dead pid&gt;-* / .toesim-old-*
 *   arm shutdown hook (SIGINT, SIGTERM: deletes tmp, puts a set-aside previous result back)
 *   mkdir .run1.toesim-tmp-&lt;pid&gt;-x + marker
 *   body(tmp) ok --&gt; [locked] recheck run1; rename run1 -&gt; .run1.toesim-old-&lt;pid&gt;-y, tmp -&gt; run1; delete old
 *   body throws  --&gt; delete tmp, rethrow (run1 untouched)
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

    /** {@link #write(Path, String, Body)} for a run's results. */
    public static <T> T write(Path target, Body<T> body) throws Exception {
        return write(target, "run", body);
    }

    /**
     * Runs {@code body} in a fresh temporary directory, marked as a {@code kind} result, and
     * moves it to {@code target} on success.
     *
     * @throws OutputLocationException before {@code body} runs, when {@code target} may not or
     *                                 cannot be written
     */
    public static <T> T write(Path target, String kind, Body<T> body) throws Exception {
        Path abs = checkTarget(target);
        Path parent = abs.getParent();
        String name = abs.getFileName().toString();
        try {
            Files.createDirectories(parent);
            for (Path stale : TempNames.stale(parent, name)) {
                deleteQuietly(stale);
            }
        } catch (IOException e) {
            throw new OutputLocationException(target + ": cannot create a directory there: " + describe(e));
        }
        // armed before the temporary exists, so no signal can fall between its creation and the hook
        Swap swap = new Swap(target, abs);
        Thread hook = new Thread(swap::abandon, "toesim-output-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        Path tmp;
        try {
            tmp = swap.createTemp(kind);
        } catch (IOException e) {
            swap.abandon();
            removeHook(hook);
            throw new OutputLocationException(target + ": cannot create a directory there: " + describe(e));
        }
        try {
            T value = body.fill(tmp);
            swap.commit();
            return value;
        } catch (Exception | Error e) {
            swap.abandon();
            throw e;
        } finally {
            removeHook(hook);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run; it does the cleaning
        }
    }

    /**
     * Checks that {@code target} may be written: absent, an empty directory, or a ToeSim
     * result. Touches nothing.
     *
     * @return the absolute, normalised target
     */
    public static Path checkTarget(Path target) throws OutputLocationException {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null || abs.getFileName() == null) {
            throw new OutputLocationException(target + ": not a place for results (the root directory)");
        }
        if (Files.isSymbolicLink(abs)) {
            throw new OutputLocationException(target + ": is a symbolic link; ToeSim replaces only its own result "
                    + "directories: give the directory it points to, or a new path");
        }
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            return abs;
        }
        if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputLocationException(target + ": exists and is a file, not a ToeSim result directory; "
                    + "choose another output directory or remove the file");
        }
        boolean empty;
        try {
            empty = TempNames.isEmpty(abs);
        } catch (IOException e) {
            throw new OutputLocationException(target + ": cannot read the directory: " + describe(e));
        }
        if (!empty && !ResultMarker.isPresent(abs)) {
            throw new OutputLocationException(target + ": directory is not empty and is not a ToeSim result "
                    + "(no " + ResultMarker.FILE_NAME + " in it); ToeSim replaces only its own results: choose "
                    + "another output directory or remove it");
        }
        return abs;
    }

    /** The reason of an I/O failure in words, without a stack trace. */
    static String describe(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is a file, not a directory";
        }
        if (e instanceof NotDirectoryException f) {
            return f.getFile() + " is not a directory";
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied (" + f.getFile() + ")";
        }
        if (e instanceof NoSuchFileException f) {
            return "no such file or directory (" + f.getFile() + ")";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + " (" + f.getFile() + ")";
        }
        return String.valueOf(e.getMessage());
    }

    /** Deletes a directory tree if it exists. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
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

    /**
     * Deletes a tree, retrying a few times: during shutdown the writing thread may still be
     * adding files while the hook removes them.
     */
    static void deleteQuietly(Path dir) {
        for (int attempt = 0; attempt < 20 && Files.exists(dir, LinkOption.NOFOLLOW_LINKS); attempt++) {
            try {
                deleteTree(dir);
            } catch (IOException e) {
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The swap of one temporary directory onto its target, shared by the writing thread and
     * the shutdown hook; both go through this lock so a signal never lands between the two
     * renames.
     */
    private static final class Swap {
        private final Path shown;
        private final Path target;
        private Path tmp;
        private Path old;
        private boolean finished;

        Swap(Path shown, Path target) {
            this.shown = shown;
            this.target = target;
        }

        /** Creates the marked temporary directory, unless shutdown has begun. */
        synchronized Path createTemp(String kind) throws IOException {
            if (finished) {
                throw new IOException("interrupted before writing");
            }
            tmp = TempNames.createTemp(target.getParent(), target.getFileName().toString());
            ResultMarker.write(tmp, kind);
            return tmp;
        }

        synchronized void commit() throws IOException, OutputLocationException {
            if (finished) {
                throw new IOException("interrupted: results not written to " + shown);
            }
            finished = true;
            try {
                checkTarget(shown);
            } catch (OutputLocationException e) {
                deleteQuietly(tmp);
                throw e;
            }
            Path parent = target.getParent();
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                old = TempNames.oldName(parent, target.getFileName().toString());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                restoreOld();
                deleteQuietly(tmp);
                throw e;
            }
            if (old != null) {
                deleteQuietly(old);
            }
        }

        /** Idempotent: removes the temporary directory and undoes a half-done swap. */
        synchronized void abandon() {
            if (!finished) {
                finished = true;
                if (tmp != null) {
                    deleteQuietly(tmp);
                }
            }
            restoreOld();
        }

        private void restoreOld() {
            if (old != null && Files.exists(old, LinkOption.NOFOLLOW_LINKS)
                    && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    // cannot happen short of a failing disk; it stays beside the target, named as ours
                }
            }
        }
    }
}
