package org.toesim.tcp.sack;

import java.util.List;

/**
 * The complete state of a {@link Rack} for a CCB; times are ages at the snapshot instant.
 *
 * @param headStartPos   start position of the oldest logged segment
 * @param sent           logged segments, oldest first
 * @param ageRackXmitPs  age of RACK.xmit_ts, -1 before any delivery
 * @param rackEndPos     RACK.end_seq as a position, -1 before any delivery
 * @param rackRttPs      RACK.rtt
 * @param reorderingSeen reordering was observed (Linux {@code tp->reord_seen})
 */
public record RackSnapshot(long headStartPos, List<Sent> sent, long ageRackXmitPs, long rackEndPos, long rackRttPs,
                           boolean reorderingSeen) {
    public RackSnapshot {
        sent = List.copyOf(sent);
    }

    /**
     * One logged segment.
     *
     * @param endPos     end position (exclusive)
     * @param ageXmitPs  time since its first transmission
     * @param ageRtxPs   time since its latest retransmission, -1 if never retransmitted
     */
    public record Sent(long endPos, long ageXmitPs, long ageRtxPs) {
    }
}
