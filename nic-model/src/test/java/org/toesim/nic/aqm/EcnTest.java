package org.toesim.nic.aqm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;
import org.toesim.nic.frame.TestFrames;

/** RFC 3168 §5 codepoints in the TOS octet's low two bits. */
class EcnTest {
    @Test
    void markingSetsBothLowBitsAndKeepsTheDscpAndTheRestOfTheFrame() {
        Frame plain = TestFrames.fullSize(7);
        Ipv4Header h = plain.ip();
        Ipv4Header af41 = new Ipv4Header(h.srcIp(), h.dstIp(), h.identification(), h.ttl(), (34 << 2) | Ecn.ECT_0,
                h.dontFragment(), h.moreFragments(), h.fragmentOffsetBytes(), h.optionsLenBytes());
        Frame ect = new Frame(7, plain.srcMac(), plain.dstMac(), af41, plain.tcp(), false);
        Frame ce = Ecn.withCe(ect);
        assertEquals(0xFF & ((34 << 2) | 0b11), ce.ip().tos());
        assertEquals(34, ce.ip().dscp());
        assertEquals(Ecn.CE, Ecn.codepoint(ce));
        assertEquals(ect.tcp(), ce.tcp());
        assertEquals(ect.frameId(), ce.frameId());
        assertEquals(ect.lenBytes(), ce.lenBytes());
    }

    @Test
    void onlyNotEctIsUnmarkableAndACeFrameStaysTheSameObject() {
        assertFalse(Ecn.markable(TestFrames.fullSize(1)));
        assertTrue(Ecn.markable(ScriptedQueue.frame(1, Ecn.ECT_0)));
        assertTrue(Ecn.markable(ScriptedQueue.frame(1, Ecn.ECT_1)));
        Frame ce = ScriptedQueue.frame(1, Ecn.CE);
        assertTrue(Ecn.markable(ce));
        assertSame(ce, Ecn.withCe(ce));
        assertEquals(0b10, Ecn.ECT_0, "ECT(0) is 10 (RFC 3168 §5)");
        assertEquals(0b01, Ecn.ECT_1, "ECT(1) is 01");
    }
}
