package org.toesim.scenario.step;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.toesim.core.event.Event;
import org.toesim.core.trace.TraceCategory;
import org.toesim.core.trace.TraceFormat;
import org.toesim.core.units.Units;
import org.toesim.scenario.model.StepSession;

/**
 * The commands of {@code toesim step}, over a {@link StepSession}: one line in, lines out. The
 * interactive terminal, a script file and standard input all feed {@link #execute}, so a test
 * drives exactly what a student types.
 *
 * <pre>
 *   step [n] | next | continue | until TIME        run events (next: the next one of the same owner)
 *   break kind K | break CATEGORY | break comp C | break record NAME | break conn N state=S | break time T
 *   breaks | delete N | clear                       list and remove breakpoints
 *   show conn N | show conns | show ccb | show rings | show cpu | show pcie | show next
 *   trace on [CATEGORIES] | trace off               print the records each event writes
 *   help | quit
 * </pre>
 * Each executed event prints one line (number, time, owner, kind) and, with the trace on, one
 * line per record it wrote (component, record, fields). {@code continue} and {@code until}
 * print only the event that stops them unless the trace is on.
 */
public final class StepConsole {
    /** Events {@code continue} runs at most before it pauses and says so (a safety stop). */
    static final long CONTINUE_LIMIT = 5_000_000L;

    private final StepSession session;
    private final PrintWriter out;
    private final TraceFormat format = new TraceFormat();
    private final List<StepBreakpoint> breakpoints = new ArrayList<>();
    private Set<TraceCategory> traced = Set.of(TraceCategory.values());
    private boolean traceOn = true;
    private String lastOwner;

    public StepConsole(StepSession session, PrintWriter out) {
        this.session = session;
        this.out = out;
    }

    /** The session driven. */
    public StepSession session() {
        return session;
    }

    /** Prints where the session stands (before the first event). */
    public void banner() {
        out.println("scenario '" + session.scenario().name() + "' loaded; " + session.bootRecords().size()
                + " trace records while the drivers attached (show boot); stopped before the first event at "
                + Times.us(peekEvent() == null ? session.nowPs() : peekEvent().timePs()) + ". Type help.");
        out.flush();
    }

    /** Runs one command line; false when the user quits. Errors print as {@code error: ...}. */
    public boolean execute(String line) {
        String cmd = line.strip();
        if (cmd.isEmpty() || cmd.startsWith("#")) {
            return true;
        }
        String[] w = cmd.split("\\s+");
        try {
            switch (w[0].toLowerCase(Locale.ROOT)) {
                case "step", "s" -> step(w.length > 1 ? positive(w[1]) : 1);
                case "next", "n" -> next();
                case "continue", "c" -> runUntil(null);
                case "until", "u" -> runUntil(Units.durationPs(arg(w, 1, "until TIME (e.g. until 1.5ms)")));
                case "break", "b" -> addBreak(cmd.substring(w[0].length()).strip());
                case "breaks" -> listBreaks();
                case "delete" -> delete(positive(arg(w, 1, "delete N")));
                case "clear" -> {
                    breakpoints.clear();
                    out.println("all breakpoints removed");
                }
                case "show" -> show(w);
                case "trace" -> trace(w);
                case "help", "h", "?" -> help();
                case "quit", "exit", "q" -> {
                    return false;
                }
                default -> out.println("error: unknown command '" + w[0] + "' (type help)");
            }
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
        }
        out.flush();
        return true;
    }

    /** Adds a breakpoint from its text (as after {@code break}). */
    public StepBreakpoint addBreak(String spec) {
        StepBreakpoint b = StepBreakpoint.parse(spec);
        breakpoints.add(b);
        out.println("breakpoint " + breakpoints.size() + ": " + b.describe());
        return b;
    }

    /**
     * Runs events until {@code stop} matches one (printing only that one unless the trace is on);
     * returns it, or null at the end of the run.
     */
    public StepSession.Step runTo(StepBreakpoint stop) {
        return runTo(stop, s -> { });
    }

    /** {@link #runTo(StepBreakpoint)}, handing every event run before the match to {@code passed}. */
    public StepSession.Step runTo(StepBreakpoint stop, java.util.function.Consumer<StepSession.Step> passed) {
        long n = 0;
        while (n < CONTINUE_LIMIT) {
            StepSession.Step s = session.step();
            if (s == null) {
                finishedLine();
                return null;
            }
            n++;
            lastOwner = s.owner();
            if (stop.matches(s, session)) {
                print(s, true);
                return s;
            }
            passed.accept(s);
            if (traceOn && traced.size() < TraceCategory.values().length) {
                print(s, false);
            }
        }
        out.println("paused after " + CONTINUE_LIMIT + " events without reaching the breakpoint");
        return null;
    }

    private void step(int n) {
        for (int i = 0; i < n; i++) {
            StepSession.Step s = session.step();
            if (s == null) {
                finishedLine();
                return;
            }
            lastOwner = s.owner();
            print(s, true);
        }
    }

    private void next() {
        if (lastOwner == null) {
            step(1);
            return;
        }
        String owner = lastOwner;
        runTo(new StepBreakpoint("owner " + owner, (s, x) -> s.owner().equals(owner)));
    }

    private void runUntil(Long limitPs) {
        long n = 0;
        while (n < CONTINUE_LIMIT) {
            Event e = peekEvent();
            if (e == null || session.finished()) {
                finishedLine();
                return;
            }
            if (limitPs != null && e.timePs() > limitPs) {
                out.println("stopped at " + Units.formatTime(limitPs) + " (next event at "
                        + Units.formatTime(e.timePs()) + ": " + e.owner() + " " + e.kind() + ")");
                return;
            }
            StepSession.Step s = session.step();
            n++;
            lastOwner = s.owner();
            for (int i = 0; i < breakpoints.size(); i++) {
                if (breakpoints.get(i).matches(s, session)) {
                    out.println("breakpoint " + (i + 1) + " (" + breakpoints.get(i).describe() + ") after " + n
                            + " events:");
                    print(s, true);
                    return;
                }
            }
            if (traceOn && limitPs != null && traced.size() < TraceCategory.values().length) {
                print(s, false);
            }
        }
        out.println("paused after " + CONTINUE_LIMIT + " events (continue to go on)");
    }

    private Event peekEvent() {
        return session.peek();
    }

    private void finishedLine() {
        out.println("end of run at " + Times.us(session.nowPs()) + " after " + session.eventsRun()
                + " events");
    }

    /** Prints an event line and, with the trace on (or {@code always}), its records. */
    private void print(StepSession.Step s, boolean always) {
        List<StepSession.Line> shown = new ArrayList<>();
        for (StepSession.Line l : s.records()) {
            if (traced.contains(l.record().traceCategory())) {
                shown.add(l);
            }
        }
        if (!always && shown.isEmpty()) {
            return;
        }
        out.println(String.format(Locale.ROOT, "#%-7d %14s  %-12s %-10s %s", s.index(), Times.us(s.timePs()),
                s.owner(), Where.of(s.owner()), s.kind()));
        if (traceOn) {
            for (StepSession.Line l : shown) {
                out.println("          " + l.component() + " " + l.record().event() + " " + format.fields(l.record()));
            }
        }
    }

    private void show(String[] w) {
        String what = arg(w, 1, "show conn N | conns | ccb | rings | cpu | pcie | next | boot");
        switch (what) {
            case "conn" -> {
                int n = positive(arg(w, 2, "show conn N (show conns lists them)"));
                List<String> lines = session.showConnection(n);
                if (lines == null) {
                    throw new IllegalArgumentException("no connection " + n + " (show conns lists the "
                            + session.connections().size() + " seen so far)");
                }
                lines.forEach(out::println);
            }
            case "conns" -> {
                if (session.connections().isEmpty()) {
                    out.println("no connection yet");
                }
                for (int i = 0; i < session.connections().size(); i++) {
                    out.println("  " + (i + 1) + ": " + session.connections().get(i).traceText());
                }
            }
            case "ccb" -> session.showCcbTable().forEach(out::println);
            case "rings" -> session.showRings().forEach(out::println);
            case "cpu" -> session.showCpu().forEach(out::println);
            case "pcie" -> session.showPcie().forEach(out::println);
            case "next" -> {
                Event e = peekEvent();
                out.println(e == null ? "no event left" : "next: " + Units.formatTime(e.timePs()) + " " + e.owner()
                        + " (" + Where.of(e.owner()) + ") " + e.kind());
            }
            case "boot" -> {
                for (StepSession.Line l : session.bootRecords()) {
                    if (traced.contains(l.record().traceCategory())) {
                        out.println(String.format(Locale.ROOT, "%14s  %s %s %s", Times.us(l.timePs()),
                                l.component(), l.record().event(), format.fields(l.record())));
                    }
                }
            }
            default -> throw new IllegalArgumentException("show what? expected conn N, conns, ccb, rings, cpu, pcie, "
                    + "next or boot, got '" + what + "'");
        }
    }

    private void trace(String[] w) {
        String mode = arg(w, 1, "trace on [CATEGORIES] | trace off");
        if (mode.equals("off")) {
            traceOn = false;
            out.println("trace off: events print without their records");
        } else if (mode.equals("on")) {
            traceOn = true;
            traced = w.length > 2 ? TraceCategory.parseList(w[2]) : Set.of(TraceCategory.values());
            out.println("trace on: " + (w.length > 2 ? w[2] : "all categories")
                    + (traced.size() < TraceCategory.values().length ? " (continue and until print each event "
                    + "that writes one)" : ""));
        } else {
            throw new IllegalArgumentException("trace on [CATEGORIES] or trace off, got '" + mode + "'");
        }
    }

    private void listBreaks() {
        if (breakpoints.isEmpty()) {
            out.println("no breakpoints");
        }
        for (int i = 0; i < breakpoints.size(); i++) {
            out.println("  " + (i + 1) + ": " + breakpoints.get(i).describe());
        }
    }

    private void delete(int n) {
        if (n > breakpoints.size()) {
            throw new IllegalArgumentException("no breakpoint " + n + " (breaks lists them)");
        }
        out.println("deleted breakpoint " + n + ": " + breakpoints.remove(n - 1).describe());
    }

    private void help() {
        out.println("""
                step [n]            run the next n events (default 1), printing each
                next                run to the next event of the same owner as the last one
                continue            run to the next breakpoint (or the end of the run)
                until TIME          run every event up to TIME (e.g. until 1.5ms)
                break kind K        pause after an event of kind K (e.g. toe.command; show next names kinds)
                break CATEGORY      pause after an event that writes a record of the category
                                    (app, socket, tcp, offload, driver, cpu, pcie, nic, card, wire)
                break comp C        pause after an event of owner C or writing a record as component C
                break record NAME [COND]...  pause after an event that writes record NAME (e.g. Installed),
                                    each COND field=value, field^=prefix or field>number
                break conn N state=S  pause when connection N reaches TCP state S (e.g. ESTABLISHED)
                break time T        pause at the first event after time T
                breaks, delete N, clear   list, remove one, remove all breakpoints
                show conn N         connection N's CCB fields and where it runs (host stack or card)
                show conns|ccb|rings|cpu|pcie|next|boot
                trace on [CATS]|off print the records each event writes (all, or the listed categories)
                quit""");
    }

    private static String arg(String[] w, int i, String usage) {
        return StepBreakpoint.need(w, i, usage);
    }

    private static int positive(String s) {
        return StepBreakpoint.positive(s, "a whole number");
    }
}
