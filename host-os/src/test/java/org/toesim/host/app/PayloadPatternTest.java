package org.toesim.host.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PayloadPatternTest {
    @Test
    void anyRangeFilledEqualsTheBytesAtTheirOffsets() {
        PayloadPattern p = new PayloadPattern(42);
        byte[] buf = new byte[101];
        p.fill(buf, 0, buf.length, 13); // starts mid-word, ends mid-word
        for (int i = 0; i < buf.length; i++) {
            assertEquals(p.at(13 + i), buf[i], "offset " + (13 + i));
        }
        assertNull(p.firstMismatch(buf, 0, buf.length, 13));
    }

    @Test
    void theFirstWrongByteIsReportedWithItsStreamOffset() {
        PayloadPattern p = new PayloadPattern(7);
        byte[] buf = new byte[64];
        p.fill(buf, 0, 64, 1000);
        buf[20] ^= 0x5a;
        buf[30] ^= 0x01;
        PayloadPattern.Mismatch m = p.firstMismatch(buf, 0, 64, 1000);
        assertEquals(1020, m.offset());
        assertEquals(p.at(1020) & 0xff, m.expected());
        assertEquals(buf[20] & 0xff, m.got());
        assertEquals(String.format("first mismatch at byte 1020: expected 0x%02x, got 0x%02x", m.expected(), m.got()),
                m.toString());
        // a stream shifted by one byte (a lost or duplicated byte) does not pass
        p.fill(buf, 0, 64, 1001);
        assertNotEquals(null, p.firstMismatch(buf, 0, 64, 1000));
        // different seeds are different streams
        assertNotEquals(new PayloadPattern(1).at(0) == new PayloadPattern(2).at(0)
                && new PayloadPattern(1).at(1) == new PayloadPattern(2).at(1), true);
    }
}
