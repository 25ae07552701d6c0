package org.toesim.nic.device;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.toesim.nic.frame.MacAddress;

/** Text of device messages for traces: ring entries and commands with their addresses in hex. */
public final class TraceStrings {
    private static final Pattern ADDRESS = Pattern.compile("(\\w*(?:Addr|addr|address))=(-?\\d+)");
    private static final Pattern IP = Pattern.compile("(\\w*Ip)=(-?\\d+)");
    private static final Pattern MAC = Pattern.compile("\\b(mac|\\w*Mac)=(\\d+)");

    private TraceStrings() {
    }

    /**
     * {@code value.toString()} with every {@code ...Addr=123} field written {@code ...Addr=0x7b},
     * every {@code ...Ip=} as a dotted quad and every {@code mac=} as {@code 02:00:00:00:00:99}.
     */
    public static String of(Object value) {
        String s = replace(String.valueOf(value), ADDRESS, v -> "0x" + Long.toHexString(v));
        s = replace(s, IP, v -> ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "."
                + (v & 0xFF));
        return replace(s, MAC, MacAddress::toString);
    }

    private static String replace(String s, Pattern p, java.util.function.LongFunction<String> form) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        do {
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + "=" + form.apply(Long.parseLong(m.group(2)))));
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }
}
