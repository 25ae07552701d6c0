package org.toesim.nic.device;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text of device messages for traces: ring entries and commands with their addresses in hex. */
public final class TraceStrings {
    private static final Pattern ADDRESS = Pattern.compile("(\\w*(?:Addr|addr|address))=(-?\\d+)");

    private TraceStrings() {
    }

    /** {@code value.toString()} with every {@code ...Addr=123} field written {@code ...Addr=0x7b}. */
    public static String of(Object value) {
        String s = String.valueOf(value);
        Matcher m = ADDRESS.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        do {
            m.appendReplacement(b, m.group(1) + "=0x" + Long.toHexString(Long.parseLong(m.group(2))));
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }
}
