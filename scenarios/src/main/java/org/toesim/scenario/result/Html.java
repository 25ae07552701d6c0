package org.toesim.scenario.result;

/** Escaping for the HTML pages ToeSim writes. */
public final class Html {
    private Html() {
    }

    /** {@code s} as HTML text or attribute value (null as empty). */
    public static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
