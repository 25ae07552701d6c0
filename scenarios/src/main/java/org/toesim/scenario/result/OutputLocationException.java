package org.toesim.scenario.result;

/**
 * An output location ToeSim must not or cannot write: an existing file or a directory that is
 * not a ToeSim result, a symbolic link, or a place where no directory can be made (a path
 * under a regular file, {@code /proc}, no permission). Thrown before any simulation runs; the
 * command line turns it into exit 2 with the one-line message.
 */
public final class OutputLocationException extends Exception {
    private static final long serialVersionUID = 1L;

    public OutputLocationException(String message) {
        super(message);
    }
}
