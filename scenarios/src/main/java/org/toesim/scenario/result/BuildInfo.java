package org.toesim.scenario.result;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which ToeSim produced a result: written into every {@code summary.json} as {@code toesim}, so a
 * figure in a paper can be traced to the code that made it.
 *
 * @param version the Maven project version
 * @param commit  the commit the jar was built from (12 hex digits), or {@code unknown} when built
 *                outside a git checkout
 * @param dirty   whether the checkout had uncommitted changes when the jar was built (the commit
 *                alone does not then name the code)
 * @param java    the Java runtime that ran the simulation
 */
public record BuildInfo(String version, String commit, boolean dirty, String java) {
    /** The build of the running code, read once from the {@code git.properties} the build writes. */
    public static final BuildInfo CURRENT = read();

    private static BuildInfo read() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/org/toesim/scenario/git.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // a jar without the file still runs; the summary then says "unknown"
        }
        return new BuildInfo(p.getProperty("git.build.version", "unknown"), p.getProperty("git.commit.id.abbrev",
                "unknown"), Boolean.parseBoolean(p.getProperty("git.dirty", "false")), System.getProperty("java.version"));
    }

    /** One line: {@code toesim 0.1.0-SNAPSHOT (a4ca6744ce6e, modified), Java 17.0.15}. */
    public String describe() {
        return "toesim " + version + " (" + commit + (dirty ? ", modified" : "") + "), Java " + java;
    }
}
