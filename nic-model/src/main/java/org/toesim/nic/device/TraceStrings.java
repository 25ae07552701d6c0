package org.toesim.nic.device;

import org.toesim.nic.frame.MacAddress;

/**
 * Text of device messages for traces: ring entries and commands with their addresses in hex.
 * One pass over {@code toString()}, no regular expressions: every traced PCIe transfer and card
 * command goes through here, so with {@code --trace} it was the run's hottest code.
 */
public final class TraceStrings {
    private TraceStrings() {
    }

    /**
     * {@code value.toString()} with every {@code ...Addr=123} (also {@code ...addr=},
     * {@code ...address=}) field written {@code ...Addr=0x7b}, every {@code ...Ip=} as a dotted
     * quad and every {@code mac=} / {@code ...Mac=} as {@code 02:00:00:00:00:99}. A name is the
     * run of word characters ({@code [A-Za-z0-9_]}) before the {@code =}; the value a decimal
     * integer (negative allowed for addresses and IPs).
     */
    public static String of(Object value) {
        String s = String.valueOf(value);
        int eq = s.indexOf('=');
        if (eq < 0) {
            return s;
        }
        StringBuilder b = null;
        int copied = 0;
        while (eq >= 0) {
            int nameStart = eq;
            while (nameStart > 0 && word(s.charAt(nameStart - 1))) {
                nameStart--;
            }
            String name = s.substring(nameStart, eq);
            int kind = kind(name);
            int numStart = eq + 1;
            int p = numStart;
            if (kind != MAC && p < s.length() && s.charAt(p) == '-') {
                p++;
            }
            int digits = p;
            while (p < s.length() && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
                p++;
            }
            if (kind != NONE && p > digits) {
                long v = Long.parseLong(s, numStart, p, 10);
                if (b == null) {
                    b = new StringBuilder(s.length() + 16);
                }
                b.append(s, copied, numStart).append(format(kind, v));
                copied = p;
            }
            eq = s.indexOf('=', Math.max(p, eq + 1));
        }
        return b == null ? s : b.append(s, copied, s.length()).toString();
    }

    private static final int NONE = 0;
    private static final int ADDRESS = 1;
    private static final int IP = 2;
    private static final int MAC = 3;

    private static int kind(String name) {
        if (name.endsWith("Addr") || name.endsWith("addr") || name.endsWith("address")) {
            return ADDRESS;
        }
        if (name.endsWith("Ip")) {
            return IP;
        }
        if (name.equals("mac") || name.endsWith("Mac")) {
            return MAC;
        }
        return NONE;
    }

    private static String format(int kind, long v) {
        return switch (kind) {
            case ADDRESS -> "0x" + Long.toHexString(v);
            case IP -> ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
            default -> MacAddress.toString(v);
        };
    }

    private static boolean word(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
}
