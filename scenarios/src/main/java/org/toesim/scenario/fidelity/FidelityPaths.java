package org.toesim.scenario.fidelity;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the suite's inputs are: the scenario files under {@code scenarios/experiments/} of the
 * checkout, and the Linux references in {@code ../shared/ref-linux/} beside the checkout (as CI
 * lays them out).
 */
public final class FidelityPaths {
    /** Environment variable CI sets: missing references or tools then fail instead of skipping. */
    public static final String CI_VARIABLE = "CI";

    private FidelityPaths() {
    }

    /** The checkout's root: the nearest directory at or above {@code from} with {@code scenarios/experiments}. */
    public static Path repoRoot(Path from) {
        for (Path p = from.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("scenarios").resolve("experiments"))) {
                return p;
            }
        }
        return null;
    }

    /** {@code scenarios/experiments} of the checkout containing {@code from} (null if none). */
    public static Path experiments(Path from) {
        Path root = repoRoot(from);
        return root == null ? null : root.resolve("scenarios").resolve("experiments");
    }

    /**
     * {@code ../shared/ref-linux} beside the checkout containing {@code from} (CI's layout); for a
     * git worktree nested deeper, the nearest {@code shared/ref-linux} above it. Null if none.
     */
    public static Path referenceDir(Path from) {
        Path root = repoRoot(from);
        if (root == null) {
            return null;
        }
        for (Path p = root.getParent(); p != null; p = p.getParent()) {
            Path ref = p.resolve("shared").resolve("ref-linux");
            if (Files.isDirectory(ref)) {
                return ref;
            }
        }
        return root.getParent() == null ? null : root.getParent().resolve("shared").resolve("ref-linux");
    }

    /** Whether this runs in CI ({@code CI=true}). */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv(CI_VARIABLE));
    }
}
