package org.toesim.nic.toe;

import java.util.ArrayList;
import java.util.List;

/**
 * What an offloaded connection waits for on the card, in a few words: posted application buffers
 * (none while data is held), send requests, an upload request, then the card engine's own wait
 * (timers, windows). The diagnosis of a run that did not finish; never on the frame path.
 * <pre>
 *   card: no posted buffer (131072 bytes held), ESTABLISHED: idle, awaiting data from the peer
 * </pre>
 */
final class CardWait {
    private CardWait() {
    }

    static String describe(CardConnection c, long nowPs) {
        List<String> parts = new ArrayList<>();
        if (!c.active) {
            parts.add("being returned to the host");
        }
        if (c.uploadRequested) {
            parts.add("upload to the host requested");
        }
        long pending = c.heldBytes + c.engine.readableBytes();
        if (c.posted.isEmpty()) {
            parts.add(pending > 0 ? "no posted buffer (" + pending + " bytes held)" : "no posted buffer");
        } else if (pending > 0) {
            parts.add(c.posted.size() + " posted buffers, " + pending + " bytes not yet placed");
        }
        if (!c.sends.isEmpty()) {
            parts.add(c.sends.size() + " send requests pending");
        }
        if (!c.parked.isEmpty()) {
            parts.add(c.parked.size() + " out-of-order frames parked for the host's forward");
        }
        parts.add(c.engine.waitingFor(nowPs));
        return "card: " + String.join(", ", parts);
    }
}
