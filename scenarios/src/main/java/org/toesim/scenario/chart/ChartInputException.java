package org.toesim.scenario.chart;

import java.nio.file.Path;

/** A trace or a chart option the charts cannot use; the message names the file and line where there is one. */
public final class ChartInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public ChartInputException(String message) {
        super(message);
    }

    /** {@code FILE:LINE: message}. */
    static ChartInputException at(Path file, long line, String message) {
        return new ChartInputException(file + ":" + line + ": " + message);
    }
}
