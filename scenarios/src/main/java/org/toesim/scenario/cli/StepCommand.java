package org.toesim.scenario.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.toesim.core.trace.JsonLinesTraceSink;
import org.toesim.scenario.chart.ChartInputException;
import org.toesim.scenario.chart.ChartOptions;
import org.toesim.scenario.chart.SequenceCharts;
import org.toesim.scenario.model.StepSession;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioDocument;
import org.toesim.scenario.spec.ScenarioException;
import org.toesim.scenario.step.HandoffTutorial;
import org.toesim.scenario.step.StepConsole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code toesim step FILE | --tutorial handoff}: the scenario built and held before its first
 * event, driven one command at a time ({@link StepConsole}). Commands come from a JLine
 * terminal when standard input is one, else from {@code --script FILE} or standard input (each
 * echoed after a {@code toesim> } prompt, so a script's output reads as a session).
 */
@Command(name = "step", mixinStandardHelpOptions = true,
        description = "Step through a scenario one event at a time (or --tutorial handoff).")
final class StepCommand implements Callable<Integer> {
    @ParentCommand
    ToesimCommand root;

    @Mixin
    CommonOptions common;

    @Mixin
    LogOptions logOptions;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Scenario file (.json, .yaml or .yml).")
    Path file;

    @Option(names = "--tutorial", paramLabel = "NAME", description = "Run a built-in walkthrough: handoff.")
    String tutorial;

    @Option(names = "--script", paramLabel = "FILE", description = "Read commands from FILE instead of the terminal.")
    Path script;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the trace to DIR/trace.jsonl (and, with "
            + "--tutorial, what the tutorial showed with its sequence diagram to DIR/tutorial/).")
    Path out;

    @Option(names = "--seed", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field, e.g. hosts[1].nic.ccbCapacity=8.")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = root.env;
        if ((file == null) == (tutorial == null)) {
            return Inputs.fail(env, ExitCodes.INPUT, "give a scenario FILE or --tutorial handoff (not both)");
        }
        if (tutorial != null && !tutorial.equals("handoff")) {
            return Inputs.fail(env, ExitCodes.INPUT, "unknown tutorial '" + tutorial + "' (expected handoff)");
        }
        Scenario s;
        try {
            s = tutorial != null ? tutorialScenario(sets, seed) : Inputs.load(file, sets, seed);
        } catch (ScenarioException e) {
            return Inputs.report(env, common, e);
        }
        if (Execution.model(env, s).isEmpty()) {
            return ExitCodes.FAILURE;
        }
        List<String> lines = null;
        if (script != null) {
            try {
                lines = Files.readAllLines(script, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return Inputs.fail(env, ExitCodes.INPUT, "cannot read script " + script + ": " + e.getMessage());
            }
        }
        if (out != null) {
            String refuse = outRefusal(out);
            if (refuse != null) {
                return Inputs.fail(env, ExitCodes.INPUT, "--out " + out + ": " + refuse);
            }
            Files.createDirectories(out);
            Files.writeString(out.resolve(MARKER), "toesim step output\n");
        }
        try (StepSession session = StepSession.open(s, out)) {
            StepConsole console = new StepConsole(session, env.out());
            if (lines != null) {
                return drive(console, env, lines.iterator());
            }
            if (System.console() != null && !common.json) {
                return interactive(console, env);
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return drive(console, env, in.lines().iterator());
        } catch (SimulationException e) {
            return Inputs.fail(env, ExitCodes.FAILURE, e.getMessage());
        }
    }

    /** Marks a directory the stepper wrote, so a later stepper run may write into it again. */
    static final String MARKER = ".toesim-step";

    /**
     * Why {@code dir} may not receive the stepper's files, or null: it must be new, empty or
     * written by the stepper before (ToeSim never overwrites what it did not create).
     */
    static String outRefusal(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return null;
        }
        if (!Files.isDirectory(dir) || Files.isSymbolicLink(dir)) {
            return "exists and is not a directory";
        }
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isEmpty() || Files.exists(dir.resolve(MARKER))) {
                return null;
            }
        }
        return "is a non-empty directory the stepper did not write; give a new or empty one";
    }

    /** The tutorial's built-in scenario, with the user's overrides. */
    static Scenario tutorialScenario(List<String> sets, Long seed) throws ScenarioException {
        String text;
        try (InputStream in = StepCommand.class.getClassLoader().getResourceAsStream(HandoffTutorial.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + HandoffTutorial.RESOURCE + " missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + HandoffTutorial.RESOURCE, e);
        }
        Scenario s = ScenarioDocument.parse(text, HandoffTutorial.RESOURCE, ScenarioDocument.Syntax.JSON)
                .withOverrides(sets).bind();
        return seed == null ? s : s.withSeed(seed);
    }

    /**
     * With {@code --out}: the records the tutorial showed as {@code DIR/tutorial/trace.jsonl} and
     * their sequence chart and Mermaid diagram beside it (docs/handoff.md's diagram).
     */
    private void writeTutorialChart(HandoffTutorial.Shown shown) throws IOException {
        if (out == null) {
            return;
        }
        Path dir = out.resolve("tutorial");
        Files.createDirectories(dir);
        Path trace = dir.resolve("trace.jsonl");
        try (JsonLinesTraceSink sink = new JsonLinesTraceSink(new java.io.BufferedOutputStream(
                Files.newOutputStream(trace)))) {
            for (StepSession.Line l : shown.records()) {
                sink.record(l.timePs(), l.component(), l.record());
            }
        }
        try {
            SequenceCharts.write(trace, dir, ChartOptions.all("handoff tutorial").withMermaidMax(0).withFocusHost("b"));
        } catch (ChartInputException e) {
            throw new IllegalStateException("the tutorial's trace could not be charted: " + e.getMessage(), e);
        }
    }

    /** Script or piped input: the tutorial first (no pauses), then each command echoed and run. */
    private int drive(StepConsole console, CliEnvironment env, java.util.Iterator<String> commands)
            throws IOException {
        if (tutorial != null) {
            writeTutorialChart(HandoffTutorial.run(console, env.out(), () -> true));
        } else {
            console.banner();
        }
        while (commands.hasNext()) {
            String line = commands.next();
            env.out().println("toesim> " + line);
            if (!console.execute(line)) {
                break;
            }
        }
        env.out().flush();
        return ExitCodes.OK;
    }

    private int interactive(StepConsole console, CliEnvironment env) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("toesim")
                    .completer(new StringsCompleter("step", "next", "continue", "until", "break", "breaks", "delete",
                            "clear", "show", "trace", "help", "quit", "conn", "conns", "ccb", "rings", "cpu", "pcie",
                            "boot", "kind", "comp", "record", "time", "offload", "card", "wire", "socket", "tcp"))
                    .build();
            if (tutorial != null) {
                writeTutorialChart(HandoffTutorial.run(console, env.out(), () -> {
                    try {
                        String l = reader.readLine("-- Enter for the next stage, q to stop the tour -- ");
                        return !l.strip().equals("q");
                    } catch (UserInterruptException | EndOfFileException e) {
                        return false;
                    }
                }));
            } else {
                console.banner();
            }
            while (true) {
                String line;
                try {
                    line = reader.readLine("toesim> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (!console.execute(line)) {
                    break;
                }
            }
        }
        return ExitCodes.OK;
    }
}
