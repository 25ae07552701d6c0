package org.toesim.nic.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.toesim.nic.frame.MacAddress;

/**
 * The one-pass {@link TraceStrings#of} writes exactly what the three regular expressions it
 * replaced wrote (kept here as the oracle), on hand-picked and on many generated texts.
 */
class TraceStringsTest {
    private static final Pattern ADDRESS = Pattern.compile("(\\w*(?:Addr|addr|address))=(-?\\d+)");
    private static final Pattern IP = Pattern.compile("(\\w*Ip)=(-?\\d+)");
    private static final Pattern MAC = Pattern.compile("\\b(mac|\\w*Mac)=(\\d+)");

    private static String oracle(String s) {
        String r = replace(s, ADDRESS, v -> "0x" + Long.toHexString(v));
        r = replace(r, IP, v -> ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "."
                + (v & 0xFF));
        return replace(r, MAC, MacAddress::toString);
    }

    private static String replace(String s, Pattern p, java.util.function.LongFunction<String> form) {
        Matcher m = p.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + "=" + form.apply(Long.parseLong(m.group(2)))));
        }
        m.appendTail(b);
        return b.toString();
    }

    @Test
    void handPickedTextsComeOutAsTheRegularExpressionsWroteThem() {
        for (String s : List.of("RxDescriptor[hostAddr=4294971392, lenBytes=2048, cookie=7]",
                "Offload[tuple=10.0.0.1:40000>10.0.0.2:80, remoteIp=167772162, mac=2199023255705, dstMac=17]",
                "x[address=-5, fooaddr=12, ipAddr=167772161, srcIp=-1, xmac=5, Mac=9, a==3, b=, c=12abc]",
                "no fields at all", "=", "Addr=", "=5", "macAddr=255 mac=-3 ourIp=0")) {
            assertEquals(oracle(s), TraceStrings.of(s), s);
        }
    }

    @Test
    void generatedTextsComeOutAsTheRegularExpressionsWroteThem() {
        String[] names = {"hostAddr", "addr", "address", "baseaddr", "srcIp", "Ip", "ip", "mac", "dstMac", "xmac",
                "len", "cookie", "_Addr9", "a_b", ""};
        // fields are separated as record toString() separates them (a name never runs into the value before it)
        String[] seps = {", ", " ", "[", "(", "=", ";", "-"};
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int fields = r.nextInt(6);
            for (int f = 0; f < fields; f++) {
                b.append(seps[r.nextInt(seps.length)]).append(names[r.nextInt(names.length)]).append('=');
                switch (r.nextInt(4)) {
                    case 0 -> b.append(r.nextInt());
                    case 1 -> b.append(Math.abs(r.nextLong() >> r.nextInt(40)));
                    case 2 -> b.append("0x").append(r.nextInt(100));
                    default -> b.append(r.nextInt(10)).append("ab");
                }
            }
            String s = b.toString();
            assertEquals(oracle(s), TraceStrings.of(s), s);
        }
    }
}
