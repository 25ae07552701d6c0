package org.toesim.scenario.cli;

import ch.qos.logback.classic.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.toesim.core.units.Units;

/**
 * The log levels asked for with {@code --log} (and {@code TOESIM_LOG}): parsed and checked
 * before anything runs, set on Logback's loggers for one command and put back afterwards.
 *
 * <pre>
 *   entry       := LEVEL | COMPONENT=LEVEL     several entries: repeat --log, or separate with ','
 *   LEVEL       := off | error | warn | info | debug | trace         (any case)
 *   COMPONENT   := an alias (tcp, offload, toe, ...; {@link #ALIASES}) | a logger name under
 *                  org.toesim: a package ({@code org.toesim.host.offload}), one of its ancestors
 *                  ({@code org.toesim.host}) or a class in it ({@code org.toesim.host.offload.FlushSequence})
 *   LEVEL alone sets org.toesim (every ToeSim logger; libraries stay at the configured WARN)
 *   entries apply in order: a later entry for the same logger wins; a more specific logger
 *   overrides a less specific one whatever the order (Logback's hierarchy)
 * </pre>
 * Only the command line sets levels; the model's classes just log (SLF4J) under their class names.
 */
final class LogLevels {
    /** Every ToeSim logger's ancestor, set by a level without a component. */
    static final String ROOT = "org.toesim";

    /** The levels accepted, from quietest to loudest. */
    static final List<String> LEVELS = List.of("off", "error", "warn", "info", "debug", "trace");

    /** Short names a user can guess, and the logger names (package or class prefixes) each sets. */
    static final Map<String, List<String>> ALIASES = aliases();

    /**
     * The packages of ToeSim's code (checked against the source tree by a test): a full logger
     * name must be one of them, an ancestor of one, or a class inside one.
     */
    static final List<String> PACKAGES = List.of(
            "org.toesim.core.check", "org.toesim.core.event", "org.toesim.core.random",
            "org.toesim.core.stats", "org.toesim.core.trace", "org.toesim.core.units",
            "org.toesim.tcp.buffer", "org.toesim.tcp.cc", "org.toesim.tcp.ccb", "org.toesim.tcp.engine",
            "org.toesim.tcp.rtt", "org.toesim.tcp.sack", "org.toesim.tcp.segment", "org.toesim.tcp.seq",
            "org.toesim.tcp.trace",
            "org.toesim.nic.aqm", "org.toesim.nic.device", "org.toesim.nic.dma", "org.toesim.nic.frame", "org.toesim.nic.irq",
            "org.toesim.nic.mac", "org.toesim.nic.net", "org.toesim.nic.pcap", "org.toesim.nic.pcie",
            "org.toesim.nic.plain", "org.toesim.nic.ring", "org.toesim.nic.toe",
            "org.toesim.host.app", "org.toesim.host.check", "org.toesim.host.cpu", "org.toesim.host.driver",
            "org.toesim.host.mem", "org.toesim.host.offload", "org.toesim.host.pcie", "org.toesim.host.socket",
            "org.toesim.host.stack",
            "org.toesim.scenario.api", "org.toesim.scenario.chart", "org.toesim.scenario.cli",
            "org.toesim.scenario.demo", "org.toesim.scenario.experiment", "org.toesim.scenario.fidelity",
            "org.toesim.scenario.figure",
            "org.toesim.scenario.model", "org.toesim.scenario.result", "org.toesim.scenario.run",
            "org.toesim.scenario.spec", "org.toesim.scenario.step");

    private LogLevels() {
    }

    private static Map<String, List<String>> aliases() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("tcp", List.of("org.toesim.tcp"));
        m.put("offload", List.of("org.toesim.host.offload"));
        m.put("toe", List.of("org.toesim.nic.toe"));
        m.put("card", List.of("org.toesim.nic.toe"));
        m.put("nic", List.of("org.toesim.nic.plain"));
        m.put("pcie", List.of("org.toesim.nic.pcie", "org.toesim.host.pcie"));
        m.put("driver", List.of("org.toesim.host.driver"));
        m.put("cpu", List.of("org.toesim.host.cpu"));
        m.put("socket", List.of("org.toesim.host.socket"));
        m.put("stack", List.of("org.toesim.host.stack"));
        m.put("link", List.of("org.toesim.nic.net", "org.toesim.nic.mac", "org.toesim.nic.aqm"));
        m.put("run", List.of("org.toesim.scenario.model", "org.toesim.scenario.run"));
        m.put("fault", List.of("org.toesim.scenario.model.Faults"));
        m.put("sweep", List.of("org.toesim.scenario.cli.SweepCommand"));
        m.put("experiment", List.of("org.toesim.scenario.experiment"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** One logger and the level to give it. */
    record Setting(String logger, Level level) {
    }

    /** A bad entry; the message is one line naming what is accepted. */
    static final class BadEntry extends Exception {
        private static final long serialVersionUID = 1L;

        BadEntry(String message) {
            super(message);
        }
    }

    /**
     * The settings of {@code entries} in order; {@code source} names where they come from in
     * messages ({@code "--log"} or {@code "TOESIM_LOG"}).
     *
     * @throws BadEntry for the first entry that is not a level or {@code COMPONENT=LEVEL}
     */
    static List<Setting> parse(String source, List<String> entries) throws BadEntry {
        List<Setting> out = new ArrayList<>();
        for (String entry : entries) {
            for (String part : entry.split(",", -1)) {
                parseOne(source, entry, part.trim(), out);
            }
        }
        return out;
    }

    private static void parseOne(String source, String entry, String part, List<Setting> out) throws BadEntry {
        String where = source + (source.startsWith("--") ? " " : "=") + entry;
        int eq = part.indexOf('=');
        if (eq < 0) {
            out.add(new Setting(ROOT, level(where, part)));
            return;
        }
        String component = part.substring(0, eq).trim();
        Level level = level(where, part.substring(eq + 1).trim());
        for (String logger : loggers(where, component)) {
            out.add(new Setting(logger, level));
        }
    }

    private static Level level(String where, String text) throws BadEntry {
        String t = text.toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(t)) {
            throw new BadEntry(where + ": " + (t.isEmpty() ? "no level" : "unknown level '" + text + "'" + hint(t, LEVELS))
                    + "; expected " + String.join(", ", LEVELS) + " (alone, or as COMPONENT=LEVEL)");
        }
        return Level.toLevel(t.toUpperCase(Locale.ROOT));
    }

    private static List<String> loggers(String where, String component) throws BadEntry {
        List<String> alias = ALIASES.get(component.toLowerCase(Locale.ROOT));
        if (alias != null) {
            return alias;
        }
        if (isToesimLogger(component)) {
            return List.of(component);
        }
        throw new BadEntry(where + ": " + (component.isEmpty() ? "no component" : "unknown component '" + component
                + "'" + hint(component.toLowerCase(Locale.ROOT), ALIASES.keySet())) + "; expected one of "
                + String.join(", ", ALIASES.keySet()) + ", or a package or class under " + ROOT
                + " (e.g. org.toesim.host.offload)");
    }

    /** Whether {@code name} is org.toesim, a ToeSim package, an ancestor of one or a class in one. */
    static boolean isToesimLogger(String name) {
        if (name.equals(ROOT)) {
            return true;
        }
        if (!name.startsWith(ROOT + ".")) {
            return false;
        }
        for (String p : PACKAGES) {
            if (p.equals(name) || p.startsWith(name + ".")) {
                return true;
            }
            if (name.startsWith(p + ".") && name.indexOf('.', p.length() + 1) < 0
                    && Character.isUpperCase(name.charAt(p.length() + 1))) {
                return true; // a class of the package
            }
        }
        return false;
    }

    private static String hint(String text, Iterable<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = Units.editDistance(text, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && !text.isEmpty() && bestDistance <= 2 ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levels set by {@link #apply}; {@link #close} puts the previous ones back. */
    static final class Applied implements AutoCloseable {
        private final List<ch.qos.logback.classic.Logger> loggers = new ArrayList<>();
        private final List<Level> previous = new ArrayList<>();

        @Override
        public void close() {
            for (int i = loggers.size() - 1; i >= 0; i--) {
                loggers.get(i).setLevel(previous.get(i));
            }
        }
    }

    /**
     * Sets each logger's level through Logback's API (a logger not bound to Logback, as under
     * another SLF4J binding, is left alone) and returns what undoes it.
     */
    static Applied apply(List<Setting> settings) {
        Applied applied = new Applied();
        for (Setting s : settings) {
            if (LoggerFactory.getLogger(s.logger()) instanceof ch.qos.logback.classic.Logger logger) {
                applied.loggers.add(logger);
                applied.previous.add(logger.getLevel());
                logger.setLevel(s.level());
            }
        }
        return applied;
    }
}
