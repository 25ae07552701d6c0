package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The --log grammar: levels, aliases, logger names, and Logback levels set and put back. */
class LogLevelsTest {
    private static List<LogLevels.Setting> parse(String... entries) throws LogLevels.BadEntry {
        return LogLevels.parse("--log", List.of(entries));
    }

    @Test
    void aLevelAloneSetsEveryToesimLoggerAndAnAliasItsPackages() throws Exception {
        assertEquals(List.of(new LogLevels.Setting("org.toesim", Level.DEBUG)), parse("debug"));
        assertEquals(List.of(new LogLevels.Setting("org.toesim.host.offload", Level.DEBUG),
                new LogLevels.Setting("org.toesim.tcp", Level.TRACE)), parse("offload=debug", "TCP=Trace"));
        assertEquals(List.of(new LogLevels.Setting("org.toesim.nic.pcie", Level.INFO),
                new LogLevels.Setting("org.toesim.host.pcie", Level.INFO),
                new LogLevels.Setting("org.toesim.nic.toe", Level.OFF)), parse("pcie=info, toe=off"));
    }

    @Test
    void fullNamesMustBeToesimPackagesTheirAncestorsOrTheirClasses() throws Exception {
        for (String ok : List.of("org.toesim", "org.toesim.host", "org.toesim.host.offload",
                "org.toesim.host.offload.FlushSequence", "org.toesim.tcp")) {
            assertEquals(ok, parse(ok + "=debug").get(0).logger());
        }
        for (String bad : List.of("org.toesim.host.ofload", "org.toesim.host.offload.flush", "com.example", "org",
                "org.toesim.host.offload.FlushSequence.x", "")) {
            LogLevels.BadEntry e = assertThrows(LogLevels.BadEntry.class, () -> parse(bad + "=debug"), bad);
            assertTrue(e.getMessage().startsWith("--log " + bad + "=debug: " + (bad.isEmpty() ? "no component"
                    : "unknown component '" + bad + "'")), e.getMessage());
        }
        assertTrue(assertThrows(LogLevels.BadEntry.class, () -> parse("offload=")).getMessage()
                .startsWith("--log offload=: no level; expected off, error, warn, info, debug, trace"));
    }

    @Test
    void everyPackageOfTheSourceTreeIsKnownAndEveryAliasNamesOne() throws IOException {
        TreeSet<String> packages = new TreeSet<>();
        for (String module : List.of("sim-core", "tcp-stack", "nic-model", "host-os", "scenarios")) {
            Path src = Path.of("..", module, "src", "main", "java");
            try (Stream<Path> files = Files.walk(src)) {
                files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java"))
                        .forEach(p -> packages.add(src.relativize(p.getParent()).toString().replace('/', '.')));
            }
        }
        assertEquals(packages, new TreeSet<>(LogLevels.PACKAGES), "LogLevels.PACKAGES is the source tree's packages");
        LogLevels.ALIASES.forEach((alias, loggers) -> loggers.forEach(l -> assertTrue(LogLevels.isToesimLogger(l),
                alias + " -> " + l)));
    }

    @Test
    void levelsAreSetOnLogbackAndPutBack() throws Exception {
        org.slf4j.Logger flush = LoggerFactory.getLogger("org.toesim.host.offload.FlushSequence");
        org.slf4j.Logger tcp = LoggerFactory.getLogger("org.toesim.tcp.engine.Timers");
        assertFalse(flush.isInfoEnabled());
        try (LogLevels.Applied a = LogLevels.apply(parse("info", "offload=trace", "tcp=off"))) {
            assertTrue(flush.isTraceEnabled());
            assertFalse(tcp.isErrorEnabled());
            assertTrue(LoggerFactory.getLogger("org.toesim.scenario.model.RunLoop").isInfoEnabled());
            assertFalse(LoggerFactory.getLogger("org.toesim.scenario.model.RunLoop").isDebugEnabled());
        }
        assertFalse(flush.isInfoEnabled());
        assertTrue(tcp.isWarnEnabled());
        assertFalse(LoggerFactory.getLogger("org.toesim.scenario.model.RunLoop").isInfoEnabled());
    }
}
