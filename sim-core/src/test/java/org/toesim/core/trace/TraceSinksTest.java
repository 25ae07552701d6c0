package org.toesim.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceSinksTest {
    record StateChange(String from, String to) implements TraceRecord {
    }

    record CwndChange(long cwndBytes, long ssthreshBytes) implements TraceRecord {
        @Override
        public String event() {
            return "cwnd";
        }
    }

    @Test
    void jsonLinesWritesOneCanonicalObjectPerRecord() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonLinesTraceSink sink = new JsonLinesTraceSink(out)) {
            sink.record(1500, "hostA.tcp", new StateChange("SYN_SENT", "ESTABLISHED"));
            sink.record(2000, "hostA.tcp", new CwndChange(14600, Long.MAX_VALUE));
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        assertEquals("{\"t\":1500,\"component\":\"hostA.tcp\",\"event\":\"StateChange\","
                + "\"fields\":{\"from\":\"SYN_SENT\",\"to\":\"ESTABLISHED\"}}", lines[0]);
        assertEquals("{\"t\":2000,\"component\":\"hostA.tcp\",\"event\":\"cwnd\","
                + "\"fields\":{\"cwndBytes\":14600,\"ssthreshBytes\":9223372036854775807}}", lines[1]);
    }

    @Test
    void digestDependsOnEveryFieldAndTheOrder() {
        DigestTraceSink a = new DigestTraceSink();
        a.record(1, "c", new StateChange("A", "B"));
        a.record(2, "c", new CwndChange(1, 2));
        DigestTraceSink same = new DigestTraceSink();
        same.record(1, "c", new StateChange("A", "B"));
        same.record(2, "c", new CwndChange(1, 2));
        DigestTraceSink swapped = new DigestTraceSink();
        swapped.record(2, "c", new CwndChange(1, 2));
        swapped.record(1, "c", new StateChange("A", "B"));
        DigestTraceSink field = new DigestTraceSink();
        field.record(1, "c", new StateChange("A", "B"));
        field.record(2, "c", new CwndChange(1, 3));
        assertEquals(a.hex(), same.hex());
        assertNotEquals(a.hex(), swapped.hex());
        assertNotEquals(a.hex(), field.hex());
        assertEquals(2, a.records());
    }

    @Test
    void teeForwardsToEnabledSinksAndNoneIsDisabled() {
        assertFalse(TraceSink.NONE.enabled());
        assertSame(TraceSink.NONE, TraceSinks.tee(List.of(TraceSink.NONE)));
        CollectingTraceSink c1 = new CollectingTraceSink();
        CollectingTraceSink c2 = new CollectingTraceSink();
        TraceSink tee = TraceSinks.tee(List.of(c1, TraceSink.NONE, c2));
        tee.record(5, "x", new StateChange("A", "B"));
        assertEquals(1, c1.entries().size());
        assertEquals(List.of(new StateChange("A", "B")), c2.ofType(StateChange.class));
    }
}
