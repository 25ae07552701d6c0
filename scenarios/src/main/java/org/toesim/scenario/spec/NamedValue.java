package org.toesim.scenario.spec;

/** An enum constant that scenario files spell by a short name (e.g. {@code "newreno"}). */
public interface NamedValue {
    /** The name used in scenario files. */
    String fileName();
}
