package org.toesim.scenario.chart;

import org.toesim.core.units.Units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTest {
    @TempDir
    Path dir;

    private List<TraceEvent> read(String text) throws Exception {
        Path f = SyntheticTraces.write(dir.resolve("trace.jsonl"), text);
        List<TraceEvent> out = new ArrayList<>();
        new TraceReader().read(f, out::add);
        return out;
    }

    private String error(String text) {
        Path f = dir.resolve("trace.jsonl");
        return assertThrows(ChartInputException.class, () -> {
            SyntheticTraces.write(f, text);
            new TraceReader().read(f, e -> { });
        }).getMessage();
    }

    @Test
    void malformedJsonNamesFileAndLine() {
        String m = error("{\"t\":1,\"component\":\"a.app\",\"event\":\"X\"}\n\n{\"t\":2,\"component\":\"a.app\",\"event\":\n");
        assertTrue(m.startsWith(dir.resolve("trace.jsonl") + ":3: malformed JSON"), m);
    }

    @Test
    void trailingGarbageIsMalformed() {
        String m = error("{\"t\":1,\"component\":\"a.app\",\"event\":\"X\"} x\n");
        assertTrue(m.contains("trace.jsonl:1: malformed JSON"), m);
    }

    @Test
    void aLineThatIsNotARecordIsNamed() {
        assertTrue(error("[1,2]\n").contains("trace.jsonl:1: expected a JSON object"));
        assertTrue(error("{\"component\":\"a.app\",\"event\":\"X\"}\n").contains(":1: \"t\" must be a whole number"));
        assertTrue(error("{\"t\":1.5,\"component\":\"a.app\",\"event\":\"X\"}\n").contains(":1: \"t\" must be"));
        assertTrue(error("{\"t\":1,\"event\":\"X\"}\n").contains(":1: \"component\" must be a non-empty string"));
        assertTrue(error("{\"t\":1,\"component\":\"a\",\"event\":\"X\",\"fields\":3}\n").contains(":1: \"fields\" must be an object"));
    }

    @Test
    void missingFileIsAnInputError() {
        ChartInputException e = assertThrows(ChartInputException.class,
                () -> new TraceReader().read(dir.resolve("none.jsonl"), x -> { }));
        assertTrue(e.getMessage().endsWith("none.jsonl: no such file"), e.getMessage());
    }

    @Test
    void messagesLocalEventsAndUnknownFields() throws Exception {
        List<TraceEvent> es = read("""
                {"t":5000,"component":"b.driver","event":"MmioWrite","fields":{"from":"b.driver","to":"b.pcie","sentPs":4000,"conn":"x>y","reg":"DB","deep":{"a":[1,2]}},"extra":true}

                {"t":6000,"component":"b.card","event":"CcbInstalled","fields":{"ccb":3}}
                {"t":7000,"component":"b.card","event":"Half","fields":{"from":"b.card"}}
                {"t":8000,"component":"b.card","event":"NoSent","fields":{"from":"b.card","to":"link0.ab","sentPs":"soon"}}
                {"t":9000,"component":"sw0","event":"Bare"}
                """);
        assertEquals(5, es.size());
        TraceEvent m = es.get(0);
        assertTrue(m.isMessage());
        assertEquals("b.driver", m.from());
        assertEquals("b.pcie", m.to());
        assertEquals(4000, m.sentPs());
        assertEquals("x>y", m.conn());
        assertEquals("{\"reg\":\"DB\",\"deep\":{\"a\":[1,2]}}", m.fields().toString());
        assertEquals(1, m.line());
        assertFalse(es.get(1).isMessage());
        assertEquals(3, es.get(1).line());
        TraceEvent half = es.get(2);
        assertFalse(half.isMessage(), "from without to is a local event");
        assertEquals("{\"from\":\"b.card\"}", half.fields().toString());
        assertFalse(es.get(3).isMessage(), "without a whole-number sentPs it is not a message");
        assertEquals("{\"from\":\"b.card\",\"to\":\"link0.ab\",\"sentPs\":\"soon\"}", es.get(3).fields().toString());
        assertNull(es.get(4).conn());
        assertEquals("{}", es.get(4).fields().toString());
    }

    @Test
    void aStateChangeWithFromAndToIsALocalEvent() throws Exception {
        TraceEvent e = read("{\"t\":126367408,\"component\":\"a.tcp\",\"event\":\"StateChange\","
                + "\"fields\":{\"from\":\"CLOSED\",\"to\":\"SYN_SENT\"}}\n").get(0);
        assertFalse(e.isMessage());
        assertEquals(126367408, e.sentPs());
        assertEquals("{\"from\":\"CLOSED\",\"to\":\"SYN_SENT\"}", e.fields().toString());
    }

    @Test
    void bothDirectionsAreOneConnection() {
        assertEquals(Connections.key(SyntheticTraces.CONN), Connections.key(SyntheticTraces.CONN_REVERSED));
        Connections c = new Connections();
        assertEquals(0, c.id(SyntheticTraces.CONN_REVERSED));
        assertEquals(0, c.id(SyntheticTraces.CONN));
        assertEquals(List.of(SyntheticTraces.CONN_REVERSED), c.labels());
    }

    @Test
    void timesAreReadable() {
        assertEquals("999 ps", Units.formatTime(999));
        assertEquals("12.345 us", Units.formatTime(12_345_000));
        assertEquals("1.500 ms", Units.formatTime(1_500_000_000));
        assertEquals("2.000 s", Units.formatTime(2_000_000_000_000L));
    }
}
