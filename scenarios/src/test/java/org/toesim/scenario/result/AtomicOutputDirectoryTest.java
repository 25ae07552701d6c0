package org.toesim.scenario.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --out never removes what ToeSim did not create, and leaves no temporaries behind. */
class AtomicOutputDirectoryTest {
    /** Above Linux's pid_max (2^22): never a live process. */
    private static final long DEAD_PID = 999_999_999L;

    @TempDir
    Path dir;

    private static void writeA(Path target, String text) throws Exception {
        AtomicOutputDirectory.write(target, tmp -> {
            Files.writeString(tmp.resolve("a.txt"), text);
            return null;
        });
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyResultCarriesTheMarkerAndAMarkedResultIsReplaced() throws Exception {
        Path target = dir.resolve("out");
        writeA(target, "first");
        assertTrue(ResultMarker.isPresent(target));
        assertEquals(ResultMarker.FORMAT_LINE, Files.readAllLines(target.resolve(ResultMarker.FILE_NAME)).get(0));
        writeA(target, "second");
        assertEquals("second", Files.readString(target.resolve("a.txt")));
        assertEquals(List.of("out"), names(), "no temporary or set-aside directory left");
    }

    @Test
    void aForeignNonEmptyDirectoryIsRefusedAndUntouched() throws Exception {
        Path target = dir.resolve("thesis");
        Files.createDirectories(target);
        Files.writeString(target.resolve("chapter1.tex"), "years of work");
        OutputLocationException e = assertThrows(OutputLocationException.class, () -> writeA(target, "x"));
        assertTrue(e.getMessage().contains("not a ToeSim result"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertEquals("years of work", Files.readString(target.resolve("chapter1.tex")));
        assertEquals(List.of("thesis"), names(), "no temporary directory made");
        try (Stream<Path> s = Files.list(target)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void aRegularFileOrASymbolicLinkIsRefusedAndUntouched() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "keep me");
        OutputLocationException e = assertThrows(OutputLocationException.class, () -> writeA(file, "x"));
        assertTrue(e.getMessage().contains("is a file"), e.getMessage());
        assertEquals("keep me", Files.readString(file));

        Path real = dir.resolve("real");
        writeA(real, "first");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        assertThrows(OutputLocationException.class, () -> writeA(link, "x"));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("first", Files.readString(real.resolve("a.txt")));
    }

    @Test
    void anEmptyDirectoryIsFine() throws Exception {
        Path target = Files.createDirectories(dir.resolve("empty"));
        writeA(target, "x");
        assertEquals("x", Files.readString(target.resolve("a.txt")));
    }

    @Test
    void impossiblePlacesAreRefusedWithOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "a file");
        for (Path p : List.of(file.resolve("sub"), file.resolve("a").resolve("b"), Path.of("/proc/toesim-out"))) {
            OutputLocationException e = assertThrows(OutputLocationException.class, () -> writeA(p, "x"), p.toString());
            assertTrue(e.getMessage().startsWith(p + ": cannot create a directory there: "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
        assertEquals("a file", Files.readString(file));
    }

    @Test
    void aFailingBodyLeavesThePreviousResultAndNoTemporary() throws Exception {
        Path target = dir.resolve("out");
        writeA(target, "first");
        assertThrows(IOException.class, () -> AtomicOutputDirectory.write(target, tmp -> {
            Files.writeString(tmp.resolve("a.txt"), "half");
            throw new IOException("disk full");
        }));
        assertEquals("first", Files.readString(target.resolve("a.txt")));
        assertEquals(List.of("out"), names());
    }

    @Test
    void staleTemporariesOfDeadRunsAreRemovedOthersKept() throws Exception {
        Path staleTmp = Files.createDirectories(dir.resolve(".out.toesim-tmp-" + DEAD_PID + "-1a2b"));
        ResultMarker.write(staleTmp, "run");
        Files.writeString(staleTmp.resolve("summary.json"), "{}");
        Path staleEmpty = Files.createDirectories(dir.resolve(".out.toesim-tmp-" + DEAD_PID + "-3c"));
        Path staleOld = Files.createDirectories(dir.resolve(".out.toesim-old-" + DEAD_PID + "-4d"));
        ResultMarker.write(staleOld, "run");
        long me = ProcessHandle.current().pid();
        Path live = Files.createDirectories(dir.resolve(".out.toesim-tmp-" + me + "-5e"));
        ResultMarker.write(live, "run");
        Path lookAlike = Files.createDirectories(dir.resolve(".out.toesim-tmp-" + DEAD_PID + "-6f"));
        Files.writeString(lookAlike.resolve("mine.txt"), "not ToeSim's");
        Path otherTarget = Files.createDirectories(dir.resolve(".other.toesim-tmp-" + DEAD_PID + "-7a"));

        writeA(dir.resolve("out"), "x");

        assertFalse(Files.exists(staleTmp));
        assertFalse(Files.exists(staleEmpty));
        assertFalse(Files.exists(staleOld));
        assertTrue(Files.exists(live), "a live run's temporary is not ours to remove");
        assertTrue(Files.exists(lookAlike.resolve("mine.txt")), "unmarked and not empty: not ToeSim's");
        assertTrue(Files.exists(otherTarget), "another target's temporaries are left to its own runs");
    }

    @Test
    void temporaryNamesCarryThePid() {
        assertEquals(123, TempNames.pidOf(".out.toesim-tmp-123-ab", "out"));
        assertEquals(123, TempNames.pidOf(".out.toesim-old-123-ab", "out"));
        assertEquals(-1, TempNames.pidOf(".out.toesim-tmp-x-ab", "out"));
        assertEquals(-1, TempNames.pidOf(".out2.toesim-tmp-123-ab", "out"));
        assertEquals(-1, TempNames.pidOf("out", "out"));
    }
}
