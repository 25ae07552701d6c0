package org.toesim.host.check;

import org.toesim.host.offload.HandoffState;

/**
 * Who owns a connection at each step of the handoff protocol, and what is wrong when the host's
 * placement, the host engine, the card's CCB table and the offload manager disagree.
 *
 * <pre>
 *   placement   host engine   card holds CCB   valid when
 *   HOST        yes           no               always (the host runs it)
 *   QUIESCED    yes (frozen)  no / yes         snapshot taken, CCB on its way / installed, answer on its way
 *   OFFLOADED   no            yes              the card runs it
 *   OFFLOADED   no            no               only while FLUSHING (the CCB is on its way back)
 * </pre>
 */
final class Ownership {
    private Ownership() {
    }

    /** What is wrong with {@code e}'s ownership, or null. */
    static String problem(Endpoint e) {
        boolean host = e.hostEngine != null;
        switch (e.conn.placement()) {
            case HOST:
                if (!host) {
                    return e.name() + ": no owner: placed on the host, but the host has no engine";
                }
                if (e.cardHolds) {
                    return e.name() + ": two owners: the host stack runs it and the card holds its CCB (handoff "
                            + e.handoff + ")";
                }
                return null;
            case QUIESCED:
                return host ? null : e.name() + ": no owner: quiesced for a handoff without a host engine";
            case OFFLOADED:
                if (host) {
                    return e.name() + ": two owners: offloaded, but the host engine was not released";
                }
                if (!e.cardHolds && e.handoff != HandoffState.FLUSHING) {
                    return e.name() + ": no owner: offloaded, the card holds no CCB and no flush is in progress "
                            + "(handoff " + e.handoff + ")";
                }
                return null;
            default:
                return null;
        }
    }
}
