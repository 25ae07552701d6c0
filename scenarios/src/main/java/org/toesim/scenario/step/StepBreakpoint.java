package org.toesim.scenario.step;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import org.toesim.core.trace.TraceCategory;
import org.toesim.core.trace.TraceFormat;
import org.toesim.core.units.Units;
import org.toesim.scenario.model.StepSession;
import org.toesim.tcp.engine.TcpState;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.trace.TcpTrace;

/**
 * A condition checked after each event the stepper runs: the event's kind or owner, the
 * records it wrote (category, component, record name and fields), a connection's TCP state,
 * the time.
 */
public final class StepBreakpoint {
    private final String description;
    private final BiPredicate<StepSession.Step, StepSession> test;

    StepBreakpoint(String description, BiPredicate<StepSession.Step, StepSession> test) {
        this.description = description;
        this.test = test;
    }

    /** What it waits for, as the user wrote it. */
    public String describe() {
        return description;
    }

    /** Whether {@code step} of {@code session} matches. */
    public boolean matches(StepSession.Step step, StepSession session) {
        return test.test(step, session);
    }

    /**
     * Parses {@code kind K}, a category name, {@code comp C}, {@code record NAME [COND]...} (each
     * COND {@code field=value}, {@code field^=prefix} or {@code field>number}),
     * {@code conn N state=S} or {@code time T}.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static StepBreakpoint parse(String spec) {
        String[] w = spec.strip().split("\\s+");
        if (w.length == 0 || w[0].isEmpty()) {
            throw new IllegalArgumentException("break what? kind K, a category (offload, pcie, card, ...), comp C, "
                    + "record NAME [field=value], conn N state=S or time T");
        }
        String head = w[0].toLowerCase(Locale.ROOT);
        switch (head) {
            case "kind" -> {
                String k = need(w, 1, "break kind K");
                return new StepBreakpoint(spec, (s, x) -> s.kind().equals(k));
            }
            case "comp" -> {
                String c = need(w, 1, "break comp C");
                return new StepBreakpoint(spec, (s, x) -> s.owner().equals(c)
                        || s.records().stream().anyMatch(l -> l.component().equals(c)));
            }
            case "record" -> {
                String name = need(w, 1, "break record NAME [field=value]...");
                Map<String, String> want = new LinkedHashMap<>();
                for (int i = 2; i < w.length; i++) {
                    int op = indexOfOp(w[i]);
                    if (op <= 0) {
                        throw new IllegalArgumentException("expected field=value, field^=prefix or field>number, got '"
                                + w[i] + "'");
                    }
                    want.put(w[i].substring(0, op), w[i].substring(op));
                }
                TraceFormat format = new TraceFormat();
                return new StepBreakpoint(spec, (s, x) -> s.records().stream().anyMatch(l -> l.record().event()
                        .equals(name) && (want.isEmpty() || fieldsMatch(format.fieldMap(l.record()), want))));
            }
            case "conn" -> {
                int n = positive(need(w, 1, "break conn N state=S"), "a connection number");
                String st = need(w, 2, "break conn N state=S");
                if (!st.startsWith("state=")) {
                    throw new IllegalArgumentException("expected state=S (e.g. state=ESTABLISHED), got '" + st + "'");
                }
                TcpState state;
                try {
                    state = TcpState.valueOf(st.substring(6).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown TCP state '" + st.substring(6) + "' (e.g. ESTABLISHED, "
                            + "FIN_WAIT_1, CLOSED)");
                }
                return new StepBreakpoint(spec, (s, x) -> reaches(s, x, n, state));
            }
            case "time" -> {
                long t = Units.durationPs(need(w, 1, "break time T (e.g. 1.5ms)"));
                return new StepBreakpoint(spec, (s, x) -> s.timePs() >= t);
            }
            default -> {
                TraceCategory c;
                try {
                    c = TraceCategory.parseList(head).iterator().next();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("break what? '" + w[0] + "' is not kind, comp, record, conn, time "
                            + "or a category (" + e.getMessage().replaceFirst(".*list of ", "").replace(")", "") + ")");
                }
                return new StepBreakpoint(spec, (s, x) -> s.records().stream()
                        .anyMatch(l -> l.record().traceCategory() == c));
            }
        }
    }

    /** Where the operator (=, ^=, >) of a field condition starts, or -1. */
    private static int indexOfOp(String cond) {
        for (int i = 1; i < cond.length(); i++) {
            char c = cond.charAt(i);
            if (c == '=' || c == '>' || c == '^' && i + 1 < cond.length() && cond.charAt(i + 1) == '=') {
                return i;
            }
        }
        return -1;
    }

    /** Each wanted entry is an operator and operand: {@code =v}, {@code ^=prefix}, {@code >number}. */
    private static boolean fieldsMatch(Map<String, String> have, Map<String, String> want) {
        for (Map.Entry<String, String> e : want.entrySet()) {
            String v = have.get(e.getKey());
            String cond = e.getValue();
            if (v == null) {
                return false;
            }
            boolean ok;
            if (cond.startsWith("^=")) {
                ok = v.startsWith(cond.substring(2));
            } else if (cond.startsWith(">")) {
                try {
                    ok = Double.parseDouble(v) > Double.parseDouble(cond.substring(1));
                } catch (NumberFormatException x) {
                    ok = false;
                }
            } else {
                ok = v.equals(cond.substring(1));
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean reaches(StepSession.Step s, StepSession session, int n, TcpState state) {
        if (session.connections().size() < n) {
            return false;
        }
        FourTuple c = session.connections().get(n - 1);
        for (StepSession.Line l : s.records()) {
            if (l.record() instanceof TcpTrace.StateChange sc && sc.to() == state
                    && (sc.conn().equals(c) || sc.conn().equals(c.reversed()))) {
                return true;
            }
        }
        return false;
    }

    /** Word {@code i} of a command, or an error showing its usage. */
    static String need(String[] w, int i, String usage) {
        if (w.length <= i) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        return w[i];
    }

    /** {@code s} as a whole number >= 1, or an error naming {@code what} it should be. */
    static int positive(String s, String what) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("expected " + what + " >= 1, got '" + s + "'");
    }
}
