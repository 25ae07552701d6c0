package org.toesim.scenario.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
    @Option(names = {"-q", "--quiet"}, description = "No progress and no chatter; errors still go to stderr.")
    boolean quiet;

    @Option(names = "--json", description = "Machine-readable JSON on stdout instead of tables.")
    boolean json;
}
