package org.toesim.scenario.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Entry point of {@code toesim} (the Main-Class of {@code scenarios/target/toesim.jar}).
 *
 * <pre>
 *   toesim                                  default experiment (kernel demo for now)
 *   toesim run FILE [--out DIR] [--seed N] [--set k=v]... [--pcap] [--trace[=CATEGORIES]] [--trace-conn C]
 *   toesim validate FILE
 *   toesim sweep FILE --param k=v1,v2 [--replications R] [--jobs J]
 *   toesim check FILE --baseline FILE [--update-baseline] [--junit R.xml] [--out DIR] [--json]
 *   toesim fidelity [--seeds N] [--out DIR]   ToeSim vs the Linux reference traces, Mathis, ns-3 S4
 *   toesim step FILE [--script F] | --tutorial handoff   one event at a time (StepConsole)
 *   toesim chart TRACE [--conn C] [--from T] [--to T]     sequence.html and sequence.mmd of a trace
 *   --log [COMPONENT=]LEVEL on every command that runs a simulation (LogOptions; also TOESIM_LOG)
 *   exit codes: 0 ok, 1 simulation failure / regression / no model, 2 usage or input error
 * </pre>
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(CliEnvironment.system(), args));
    }

    /**
     * Runs the command line in-process and returns the exit code. Anything unexpected (a bug, an
     * out-of-memory or stack overflow) becomes one line and exit 1; its stack trace goes to the
     * log at debug level, never to the user's terminal.
     */
    public static int execute(CliEnvironment env, String... args) {
        try {
            return commandLine(env).execute(args);
        } catch (Throwable t) { // the last line of defence: no input may produce a stack trace
            return internalError(env, t);
        }
    }

    /** Prints {@code error: internal error: ...} and returns exit code 1. */
    static int internalError(CliEnvironment env, Throwable t) {
        Throwable cause = t instanceof CommandLine.ExecutionException && t.getCause() != null ? t.getCause() : t;
        LOG.debug("internal error", cause);
        if (cause instanceof OutOfMemoryError) {
            // a resource limit, not a bug: the run needed more heap than the JVM was given
            env.err().println("error: out of memory: the run needs more heap than -Xmx gives it (raise -Xmx, e.g. "
                    + "TOESIM_JAVA_OPTS=-Xmx4g ./toesim ..., or shrink the scenario)");
            env.err().flush();
            return ExitCodes.FAILURE;
        }
        String what = cause instanceof StackOverflowError ? "stack overflow (the input nests too deeply)"
                : String.valueOf(cause);
        env.err().println("error: internal error: " + firstLine(what) + " (a bug in toesim; the stack trace is "
                + "logged at debug level)");
        env.err().flush();
        return ExitCodes.FAILURE;
    }

    private static String firstLine(String s) {
        int cut = s.indexOf('\n');
        return cut < 0 ? s : s.substring(0, cut);
    }

    /** The configured picocli command line (usage errors exit 2, failures 1). */
    public static CommandLine commandLine(CliEnvironment env) {
        CommandLine cl = new CommandLine(new ToesimCommand(env));
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setCaseInsensitiveEnumValuesAllowed(false);
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cl.setExecutionStrategy(parseResult -> LogOptions.execute(env, parseResult, runLast));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> internalError(env, ex));
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
