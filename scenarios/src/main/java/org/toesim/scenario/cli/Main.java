package org.toesim.scenario.cli;

import picocli.CommandLine;

/**
 * Entry point of {@code toesim} (the Main-Class of {@code scenarios/target/toesim.jar}).
 *
 * <pre>
 *   toesim                                  default experiment (kernel demo for now)
 *   toesim run FILE [--out DIR] [--seed N] [--set k=v]... [--pcap] [--trace]
 *   toesim validate FILE
 *   toesim sweep FILE --param k=v1,v2 [--replications R] [--jobs J]
 *   toesim check FILE --baseline FILE [--update-baseline]
 *   exit codes: 0 ok, 1 simulation failure / regression / no model, 2 usage or input error
 * </pre>
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(CliEnvironment.system(), args));
    }

    /** Runs the command line in-process and returns the exit code. */
    public static int execute(CliEnvironment env, String... args) {
        return commandLine(env).execute(args);
    }

    /** The configured picocli command line (usage errors exit 2, failures 1). */
    public static CommandLine commandLine(CliEnvironment env) {
        CommandLine cl = new CommandLine(new ToesimCommand(env));
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setCaseInsensitiveEnumValuesAllowed(false);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            env.err().println("error: " + ex);
            return ExitCodes.FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            env.err().println("error: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, env.err());
            env.err().println("Usage: see '" + c.getCommandSpec().qualifiedName() + " --help'");
            return ExitCodes.INPUT;
        });
        return cl;
    }
}
