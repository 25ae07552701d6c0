package org.toesim.nic.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.FrameCodec;
import org.toesim.nic.frame.TestFrames;
import org.toesim.nic.mac.Arrivals;
import org.toesim.tcp.segment.SackBlock;

class PcapWriterTest {
    @Test
    void fileHeaderIsExactForNanosecondAndMicrosecondCaptures() {
        assertEquals("4d3cb2a1" + "0200" + "0400" + "00000000" + "00000000" + "00000400" + "01000000",
                HexFormat.of().formatHex(capture(PcapWriter.Resolution.NANOS, w -> { })));
        assertEquals("d4c3b2a1" + "0200" + "0400" + "00000000" + "00000000" + "00000400" + "01000000",
                HexFormat.of().formatHex(capture(PcapWriter.Resolution.MICROS, w -> { })));
    }

    @Test
    void recordHeaderCarriesTimeLengthsAndTheCodecBytes() {
        Frame syn = TestFrames.syn();
        long timePs = 3_000_000_000_000L + 123_456_789_999L; // 3.123456789999 s
        byte[] file = capture(PcapWriter.Resolution.NANOS, w -> w.write(syn, timePs));
        ByteBuffer rec = ByteBuffer.wrap(file, 24, file.length - 24).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(3, rec.getInt());
        assertEquals(123_456_789, rec.getInt()); // picoseconds truncated to nanoseconds
        assertEquals(74, rec.getInt());
        assertEquals(74, rec.getInt());
        byte[] expect = new byte[74];
        FrameCodec.encode(syn, expect, 0);
        assertArrayEquals(expect, Arrays.copyOfRange(file, 40, 40 + 74));
        assertEquals(24 + 16 + 74, file.length);

        byte[] micro = capture(PcapWriter.Resolution.MICROS, w -> w.write(syn, timePs));
        assertEquals(123_456, ByteBuffer.wrap(micro, 28, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }

    @Test
    void recordsFollowEachOtherAndTheTapPassesFramesOn() {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        Arrivals next = new Arrivals();
        Frame big = TestFrames.data(2, 0, 3000, List.of(new SackBlock(1, 2)));
        try (PcapWriter w = new PcapWriter(bos, PcapWriter.Resolution.NANOS)) {
            w.tap(next).receive(TestFrames.syn(), 5_000);
            w.tap(next).receive(big, 9_000_000);
            assertEquals(2, w.records());
        }
        byte[] file = bos.toByteArray();
        assertEquals(2, next.size());
        ByteBuffer second = ByteBuffer.wrap(file, 24 + 16 + 74, 16).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, second.getInt());
        assertEquals(9_000, second.getInt());
        assertEquals(big.lenBytes(), second.getInt());
        assertEquals(big.lenBytes(), second.getInt());
        assertEquals(24 + 16 + 74 + 16 + big.lenBytes(), file.length);
        Frame back = FrameCodec.decode(file, 24 + 16 + 74 + 16, big.lenBytes(), 2, 0);
        assertEquals(big, back);
    }

    static byte[] capture(PcapWriter.Resolution res, java.util.function.Consumer<PcapWriter> body) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(bos, res)) {
            body.accept(w);
        }
        return bos.toByteArray();
    }
}
