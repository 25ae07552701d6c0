package org.toesim.nic.toe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.tcp.segment.Segment;

/**
 * The receive window of an offloaded connection reopens when the host posts a buffer: the card
 * places the held bytes, which frees its receive buffer, and tells the peer at once with a window
 * update (RFC 9293 section 3.8.6.2.2: the window is advertised again once it has grown by a
 * segment or a fraction of the buffer), instead of leaving the peer to find out with a
 * zero-window probe.
 */
class ToeReceiveWindowTest {
    @Test
    void postingABufferToAConnectionWhoseWindowClosedSendsAWindowUpdateAtOnce() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5020);
        int start = c.peer.sndUna();
        byte[] data = ToeBench.bytes(200 * 1024, 3);
        c.peerSends(data);
        b.h.runFor(20_000_000_000L); // 20 ms: no buffer posted, the card's 64 KiB fill up
        int heldBytes = c.peer.sndUna() - start;
        assertTrue(heldBytes > 0 && heldBytes <= ToeConfig.defaults().onCardBufferBytes(),
                "the peer is stopped by the card's window, acked " + heldBytes);
        Segment last = c.fromCard.get(c.fromCard.size() - 1);
        assertTrue(last.window() < ToeBench.TCP.mssBytes(), "the window closed (less than a segment): " + last.window());
        int seen = c.fromCard.size();

        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 256 * 1024, 70));
        b.h.runFor(1_000_000_000L); // 1 ms, far below any persist (zero-window probe) timer
        List<Segment> after = c.fromCard.subList(seen, c.fromCard.size());
        assertTrue(after.stream().anyMatch(s -> s.window() > 0), "a window update went out: " + after);
        assertTrue(c.peer.sndUna() - start > heldBytes, "the peer sent more at once");
    }
}
