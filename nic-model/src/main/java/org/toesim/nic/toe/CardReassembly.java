package org.toesim.nic.toe;

import java.util.ArrayList;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;

/**
 * Out-of-order data on the card. The classifier still sends out-of-order wire frames to the
 * host (the card does not reorder the wire); but data the card's engine has queued beyond
 * RCV.NXT (it came in the CCB from the host engine, or the host forwarded an out-of-order frame
 * back with {@code ForwardFrames}) becomes readable all at once when a segment fills the gap
 * (RFC 9293 section 3.10.7.4). The engine keeps the sequence space; this class keeps references
 * to those payloads so the card can place the bytes.
 *
 * <pre>
 *   engine.input(seg): n new readable bytes from stream offset s = headOffset + heldBytes
 *     n inside seg's payload          --&gt; slice of seg (the usual fast path, no allocation)
 *     otherwise                       --&gt; copy [s, s+n) from seg + CCB out-of-order runs + runs
 *   seg's payload reaches beyond RCV.NXT after input --&gt; remember it in runs
 *   runs wholly below RCV.NXT (readable) --&gt; forgotten
 * </pre>
 */
final class CardReassembly {
    private CardReassembly() {
    }

    /** The {@code n} bytes the engine just made readable on {@code c}, given the segment {@code p} it took. */
    static Payload readable(CardConnection c, Payload p, int offsetInSeg, int n) {
        if (offsetInSeg >= 0 && offsetInSeg + n <= p.lenBytes()) {
            return p.slice(offsetInSeg, n);
        }
        ArrayList<Payload> runs = new ArrayList<>(c.ccbOutOfOrder.size() + c.reassembly.size() + 1);
        runs.add(p);
        runs.addAll(c.ccbOutOfOrder);
        runs.addAll(c.reassembly);
        long from = c.headOffset + c.heldBytes;
        for (Payload r : runs) {
            if (r.streamOffset() <= from && r.endOffset() > from) {
                return ReceivePath.copyRange(runs, from, n);
            }
        }
        throw new IllegalStateException(c.handle + ": engine made " + n + " B readable at stream offset " + from
                + " that no segment on the card carries");
    }

    /** After {@code seg} was input: remember its payload if part of it lies beyond RCV.NXT; forget readable runs. */
    static void afterInput(CardConnection c, Segment seg) {
        long readableEnd = c.headOffset + c.heldBytes;
        Payload p = seg.payload();
        if (p.lenBytes() > 0 && p.endOffset() > readableEnd) {
            c.reassembly.add(p);
        }
        if (!c.reassembly.isEmpty()) {
            c.reassembly.removeIf(r -> r.endOffset() <= readableEnd);
        }
    }

    /** Whether {@code frame}, forwarded by the host and out of order for {@code c}, can be queued by the engine. */
    static boolean queueable(CardConnection c, Frame frame) {
        return c.active && frame.tcp().payloadLenBytes() > 0;
    }
}
