package org.toesim.tcp.engine;


/** Mutable counters behind {@link ConnectionStats}; updated on the per-segment path without allocation. */
final class TcpStats {
    long segmentsIn;
    long segmentsOut;
    long bytesIn;
    long bytesOut;
    long fastRetransmits;
    long timeoutRetransmits;
    long retransmittedBytes;
    long rtoFirings;
    long rttSamples;
    long dupAcksIn;
    long sackBlocksIn;
    long sackBlocksOut;
    long dsacksIn;
    long dsacksOut;
    long undos;
    long spuriousRtos;
    final long[] timeInStatePs = new long[TcpState.values().length];
    TcpState current = TcpState.CLOSED;
    long stateSincePs;

    void enterState(TcpState next, long nowPs) {
        timeInStatePs[current.ordinal()] += Math.max(0, nowPs - stateSincePs);
        current = next;
        stateSincePs = nowPs;
    }

    ConnectionStats snapshot(long nowPs, long srttPs, long cwndBytes, long ssthreshBytes) {
        long[] times = timeInStatePs.clone();
        times[current.ordinal()] += Math.max(0, nowPs - stateSincePs);
        return new ConnectionStats(segmentsIn, segmentsOut, bytesIn, bytesOut, fastRetransmits, timeoutRetransmits,
                retransmittedBytes, rtoFirings, rttSamples, srttPs, cwndBytes, ssthreshBytes, dupAcksIn, sackBlocksIn,
                sackBlocksOut, dsacksIn, dsacksOut, undos, spuriousRtos, StateTimes.of(times));
    }

    /** Restores counters from a snapshot taken at {@code snapPs}; state time restarts at {@code nowPs}. */
    void restore(ConnectionStats s, TcpState state, long nowPs) {
        segmentsIn = s.segmentsIn();
        segmentsOut = s.segmentsOut();
        bytesIn = s.bytesIn();
        bytesOut = s.bytesOut();
        fastRetransmits = s.fastRetransmits();
        timeoutRetransmits = s.timeoutRetransmits();
        retransmittedBytes = s.retransmittedBytes();
        rtoFirings = s.rtoFirings();
        rttSamples = s.rttSamples();
        dupAcksIn = s.dupAcksIn();
        sackBlocksIn = s.sackBlocksIn();
        sackBlocksOut = s.sackBlocksOut();
        dsacksIn = s.dsacksIn();
        dsacksOut = s.dsacksOut();
        undos = s.undos();
        spuriousRtos = s.spuriousRtos();
        for (TcpState st : TcpState.values()) {
            timeInStatePs[st.ordinal()] = s.timeInStatePs().getOrDefault(st, 0L);
        }
        current = state;
        stateSincePs = nowPs;
    }
}
