package org.toesim.scenario.result;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Names of the directories ToeSim makes beside a target while it writes, so that they can be
 * recognised as ToeSim's and as stale: {@code .<name>.toesim-tmp-<pid>-<hex>} (being filled)
 * and {@code .<name>.toesim-old-<pid>-<hex>} (the previous result, moved aside for a moment
 * during the swap). One whose process is no longer alive was left by a killed run (SIGKILL,
 * power loss) and is removed by the next run into the same place; one of a live process
 * (another run writing there now) is left alone.
 */
final class TempNames {
    private static final String TMP = ".toesim-tmp-";
    private static final String OLD = ".toesim-old-";

    private TempNames() {
    }

    /** Creates a fresh, uniquely named temporary directory for {@code name} in {@code parent}. */
    static Path createTemp(Path parent, String name) throws IOException {
        return create(parent, name, TMP);
    }

    /** A fresh name (not created) for moving the previous result aside. */
    static Path oldName(Path parent, String name) {
        return parent.resolve(prefix(name, OLD) + ProcessHandle.current().pid() + "-" + hex());
    }

    private static Path create(Path parent, String name, String kind) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = parent.resolve(prefix(name, kind) + ProcessHandle.current().pid() + "-" + hex());
            try {
                return Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static String hex() {
        return Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24, Integer.MAX_VALUE));
    }

    private static String prefix(String name, String kind) {
        return "." + name + kind;
    }

    /**
     * ToeSim's temporary and set-aside directories for {@code name} in {@code parent} whose
     * process is dead. Only directories that are empty or carry the result marker count: a
     * user's look-alike is never taken for ours.
     */
    static List<Path> stale(Path parent, String name) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                long pid = pidOf(p.getFileName().toString(), name);
                if (pid > 0 && !alive(pid) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && (ResultMarker.isPresent(p) || isEmpty(p))) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** The pid in a ToeSim temporary name for {@code name}, or -1 when {@code file} is not one. */
    static long pidOf(String file, String name) {
        for (String kind : List.of(TMP, OLD)) {
            String prefix = prefix(name, kind);
            if (file.startsWith(prefix)) {
                String rest = file.substring(prefix.length());
                int dash = rest.indexOf('-');
                try {
                    return Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
