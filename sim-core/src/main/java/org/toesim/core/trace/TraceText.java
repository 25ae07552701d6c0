package org.toesim.core.trace;

/**
 * A value that traces print as text people read ({@code 10.0.0.1:40000>10.0.0.2:5001} rather
 * than four integers). Trace sinks write {@link #traceText()} wherever such a value is a field.
 */
public interface TraceText {
    /** The readable form. */
    String traceText();
}
