package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import org.toesim.scenario.run.ScenarioExecutors;

/**
 * Fuzzes the command line with mutations of every shipped scenario ({@link ScenarioMutator}):
 * every input must get exit 0, exit 2 with located messages, or (from run) exit 1 with a
 * reason; never a stack trace, an internal error, a hang or an out-of-memory. Inputs go through
 * {@code toesim validate} in-process; every 50th valid one also through {@code toesim run},
 * made cheap with small transfers and a small event budget.
 */
class ScenarioFuzzTest {
    static final int RUN_EVERY = 50;
    static final Path WORK = Path.of("target", "fuzz");
    /** Every error line names its source (the file or a --set) first. */
    static final Pattern LOCATED = Pattern.compile("^error: (\\S*(fuzz-\\d+\\.(json|yaml))(:\\d+(:\\d+)?)?|--set .*?): .+");

    static final List<String[]> SEEDS = seeds();
    static final AtomicInteger TRIED = new AtomicInteger();
    static final AtomicInteger VALID = new AtomicInteger();
    static final AtomicInteger RUNS = new AtomicInteger();
    /** What went wrong, one entry per bad input (all tries run, so one pass shows every kind). */
    static final List<String> FAILURES = java.util.Collections.synchronizedList(new ArrayList<>());

    static List<String[]> seeds() {
        List<String[]> out = new ArrayList<>();
        try {
            for (String name : ShippedScenariosRunTest.shipped().toList()) {
                out.add(new String[] {name, Files.readString(ShippedScenariosRunTest.DATA.resolve(name))});
            }
            Files.createDirectories(WORK);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Property(shrinking = ShrinkingMode.OFF, seed = "9009") // tries: jqwik.tries.default (10,000, junit-platform.properties)
    void everyInputGetsACleanAnswer(@ForAll long seed) throws Exception {
        String[] base = SEEDS.get((int) Math.floorMod(seed, (long) SEEDS.size()));
        ScenarioMutator.Input in = new ScenarioMutator(seed).mutate(base[1], base[0].endsWith(".yaml"));
        int k = TRIED.incrementAndGet();
        Path file = WORK.resolve("fuzz-" + (k % 8) + in.suffix());
        Files.write(file, in.bytes());
        String what = base[0] + " / " + in.what() + " (seed " + seed + ")";
        int code = call(what, in, List.of("validate", file.toString()));
        if (code == ExitCodes.OK && VALID.incrementAndGet() % RUN_EVERY == 0) {
            RUNS.incrementAndGet();
            List<String> args = new ArrayList<>(List.of("run", file.toString(), "--quiet", "--out",
                    WORK.resolve("out").toString(), "--set", "budget.maxEvents=3000000"));
            args.addAll(ShippedScenariosRunTest.small(file));
            call(what + " [run]", in, args);
        }
    }

    @AfterContainer
    static void report() throws Exception {
        System.err.printf("fuzz: %d inputs, %d valid, %d run, %d bad%n", TRIED.get(), VALID.get(), RUNS.get(),
                FAILURES.size());
        Files.write(WORK.resolve("failures.txt"), FAILURES);
        if (!FAILURES.isEmpty()) {
            throw new AssertionError(FAILURES.size() + " bad answers (all in " + WORK.resolve("failures.txt")
                    + "); first: " + FAILURES.get(0));
        }
    }

    static int call(String what, ScenarioMutator.Input in, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment env = new CliEnvironment(ScenarioExecutors::find, new PrintWriter(out, true),
                new PrintWriter(err, true), false);
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Main.execute(env, args.toArray(String[]::new)),
                () -> "hang: " + what);
        String e = err.toString();
        boolean run = args.get(0).equals("run");
        String bad = null;
        if (e.contains("\tat ") || e.contains("Exception in thread") || e.contains("internal error")) {
            bad = "stack trace or internal error";
        } else if (code == ExitCodes.INPUT) {
            List<String> lines = e.lines().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty() || lines.size() > 20 || !lines.stream().allMatch(l -> LOCATED.matcher(l).matches())) {
                bad = "exit 2 without located messages";
            }
        } else if (code == ExitCodes.FAILURE) {
            if (!run || !e.startsWith("error: ") || e.contains("simulation failed: java.")) {
                bad = run ? "exit 1 from an exception in the model" : "validate exited 1";
            }
        } else if (code != ExitCodes.OK) {
            bad = "exit code " + code;
        }
        if (bad != null) {
            String sample = new String(in.bytes(), 0, Math.min(in.bytes().length, 600), StandardCharsets.UTF_8);
            FAILURES.add(bad + ": " + what + "\nexit " + code + "\nstderr: " + cut(e) + "\ninput: " + sample
                    + "\n----");
        }
        return code;
    }

    static String cut(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }

}
