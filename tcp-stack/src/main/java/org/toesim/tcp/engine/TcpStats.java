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
    long ceReceived;
    long ecnReductions;
    final long[] timeInStatePs = new long[TcpState.values().length];
    TcpState current = TcpState.CLOSED;
    long stateSincePs;
    /** What the last output attempt found (one of the LIMIT_ constants), and since when. */
    int limit = LIMIT_IDLE;
    long limitSincePs;
    long busyPs;
    long cwndLimitedPs;
    long rwndLimitedPs;
    long pacingLimitedPs;

    // the ordinals of ConnectionStats.SendLimit
    static final int LIMIT_IDLE = 0;
    /** Data in flight or queued, nothing holding the sender back (or held by Nagle, or a short tail). */
    static final int LIMIT_BUSY = 1;
    static final int LIMIT_CWND = 2;
    static final int LIMIT_RWND = 3;
    /** Data queued, both windows open, the pacer's release time not reached. */
    static final int LIMIT_PACING = 4;

    /** The sender's situation after an output attempt at {@code nowPs}; the time since the last one goes to the old one. */
    void limitedBy(int next, long nowPs) {
        if (next != limit) {
            account(nowPs);
            limit = next;
        }
    }

    private void account(long nowPs) {
        long d = Math.max(0, nowPs - limitSincePs);
        limitSincePs = nowPs;
        if (limit != LIMIT_IDLE) {
            busyPs += d;
            if (limit == LIMIT_CWND) {
                cwndLimitedPs += d;
            } else if (limit == LIMIT_RWND) {
                rwndLimitedPs += d;
            } else if (limit == LIMIT_PACING) {
                pacingLimitedPs += d;
            }
        }
    }

    void enterState(TcpState next, long nowPs) {
        timeInStatePs[current.ordinal()] += Math.max(0, nowPs - stateSincePs);
        current = next;
        stateSincePs = nowPs;
        if (next == TcpState.CLOSED || next == TcpState.TIME_WAIT || next == TcpState.FIN_WAIT_2) {
            limitedBy(LIMIT_IDLE, nowPs); // nothing left to send, and no output attempt may follow
        }
    }

    ConnectionStats snapshot(long nowPs, long srttPs, long cwndBytes, long ssthreshBytes) {
        long[] times = timeInStatePs.clone();
        times[current.ordinal()] += Math.max(0, nowPs - stateSincePs);
        long d = limit == LIMIT_IDLE ? 0 : Math.max(0, nowPs - limitSincePs);
        ConnectionStats.SendLimits limits = new ConnectionStats.SendLimits(busyPs + d,
                cwndLimitedPs + (limit == LIMIT_CWND ? d : 0), rwndLimitedPs + (limit == LIMIT_RWND ? d : 0),
                pacingLimitedPs + (limit == LIMIT_PACING ? d : 0), ConnectionStats.SendLimit.values()[limit]);
        return new ConnectionStats(segmentsIn, segmentsOut, bytesIn, bytesOut, fastRetransmits, timeoutRetransmits,
                retransmittedBytes, rtoFirings, rttSamples, srttPs, cwndBytes, ssthreshBytes, dupAcksIn, sackBlocksIn,
                sackBlocksOut, dsacksIn, dsacksOut, undos, spuriousRtos, StateTimes.of(times), limits, ceReceived,
                ecnReductions);
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
        ceReceived = s.ceReceived();
        ecnReductions = s.ecnReductions();
        for (TcpState st : TcpState.values()) {
            timeInStatePs[st.ordinal()] = s.timeInStatePs().getOrDefault(st, 0L);
        }
        current = state;
        stateSincePs = nowPs;
        busyPs = s.sendLimits().busyPs();
        cwndLimitedPs = s.sendLimits().cwndLimitedPs();
        rwndLimitedPs = s.sendLimits().rwndLimitedPs();
        pacingLimitedPs = s.sendLimits().pacingLimitedPs();
        limit = s.sendLimits().now().ordinal(); // the snapshot counted up to its instant; go on from here
        limitSincePs = nowPs;
    }
}
