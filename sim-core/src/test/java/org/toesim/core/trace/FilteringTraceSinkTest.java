package org.toesim.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --trace=CATEGORIES} and {@code --trace-conn}: what is kept, what is dropped, how values print. */
class FilteringTraceSinkTest {
    record Conn(String text) implements TraceText {
        @Override
        public String traceText() {
            return text;
        }
    }

    record Bus(long hostAddr, int lenBytes) implements TraceRecord {
        @Override
        public TraceCategory traceCategory() {
            return TraceCategory.PCIE;
        }
    }

    record Tcp(Conn conn, int srcIp, String note) implements TraceRecord {
        @Override
        public TraceCategory traceCategory() {
            return TraceCategory.TCP;
        }
    }

    @Test
    void keepsOnlyTheNamedCategories() {
        CollectingTraceSink all = new CollectingTraceSink();
        FilteringTraceSink f = new FilteringTraceSink(all, TraceCategory.parseList("tcp"), null);
        assertTrue(f.enabled(TraceCategory.TCP));
        assertFalse(f.enabled(TraceCategory.PCIE));
        f.record(1, "b.pcie", new Bus(0x1000, 64));
        f.record(2, "b.tcp", new Tcp(new Conn("10.0.0.2:5001>10.0.0.1:40000"), 0, null));
        assertEquals(1, all.entries().size());
        assertEquals("b.tcp", all.entries().get(0).component());
    }

    @Test
    void aConnectionFilterMatchesEitherDirectionAndKeepsRecordsAboutNoConnection() {
        CollectingTraceSink all = new CollectingTraceSink();
        FilteringTraceSink f = new FilteringTraceSink(all, EnumSet.allOf(TraceCategory.class), "10.0.0.1:40000");
        f.record(1, "a.tcp", new Tcp(new Conn("10.0.0.1:40000>10.0.0.2:5001"), 0, null));
        f.record(2, "b.tcp", new Tcp(new Conn("10.0.0.2:5001>10.0.0.1:40000"), 0, null));
        f.record(3, "b.tcp", new Tcp(new Conn("10.0.0.2:5001>10.0.0.1:40001"), 0, null));
        f.record(4, "b.pcie", new Bus(0x1000, 64));
        assertEquals(List.of(1L, 2L, 4L), all.entries().stream().map(CollectingTraceSink.Entry::timePs).toList());
        FilteringTraceSink both = new FilteringTraceSink(all, EnumSet.allOf(TraceCategory.class),
                "10.0.0.2:5001>10.0.0.1:40001");
        both.record(5, "b.tcp", new Tcp(new Conn("10.0.0.1:40001>10.0.0.2:5001"), 0, null));
        both.record(6, "b.tcp", new Tcp(new Conn("10.0.0.1:40000>10.0.0.2:5001"), 0, null));
        assertEquals(5L, all.entries().get(all.entries().size() - 1).timePs());
    }

    @Test
    void badFiltersSayWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TraceCategory.parseList("offload,pci"));
        assertTrue(e.getMessage().contains("unknown trace category 'pci'"), e.getMessage());
        assertTrue(e.getMessage().contains("pcie"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FilteringTraceSink.parseConnection("10.0.0.1"));
        assertTrue(e.getMessage().contains("is not ip:port"), e.getMessage());
    }

    @Test
    void addressesPrintAsPeopleReadThemAndNullFieldsAreLeftOut() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonLinesTraceSink sink = new JsonLinesTraceSink(bytes)) {
            sink.record(7, "b.pcie", new Bus(0x1010cd000L, 64));
            sink.record(8, "b.tcp", new Tcp(new Conn("10.0.0.2:5001>10.0.0.1:40000"), 0x0A000001, null));
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("{\"t\":7,\"component\":\"b.pcie\",\"event\":\"Bus\",\"fields\":{\"hostAddr\":\"0x1010cd000\","
                + "\"lenBytes\":64}}", lines[0]);
        assertEquals("{\"t\":8,\"component\":\"b.tcp\",\"event\":\"Tcp\",\"fields\":{\"conn\":"
                + "\"10.0.0.2:5001>10.0.0.1:40000\",\"srcIp\":\"10.0.0.1\"}}", lines[1]);
        assertEquals("conn=10.0.0.2:5001>10.0.0.1:40000 srcIp=10.0.0.1",
                new TraceFormat().fields(new Tcp(new Conn("10.0.0.2:5001>10.0.0.1:40000"), 0x0A000001, null)));
    }
}
