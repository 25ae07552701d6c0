package org.toesim.host.offload;

import java.util.Objects;
import org.toesim.tcp.engine.TcpState;
import org.toesim.tcp.segment.FourTuple;

/**
 * What an {@link OffloadPolicy} may observe about one connection at one instant (claim 7): the
 * facts a host stack has without looking inside the adapter.
 *
 * @param tuple             local/remote addresses and ports
 * @param state             RFC 9293 state on the host
 * @param payloadBytesSeen  payload bytes that crossed the host stack so far, both directions
 * @param establishedAtPs   instant the connection reached ESTABLISHED (or was created, if not yet)
 * @param nowPs             instant of the observation
 * @param srttPs            smoothed RTT (RFC 6298 SRTT), 0 before the first sample
 */
public record ConnectionFacts(FourTuple tuple, TcpState state, long payloadBytesSeen, long establishedAtPs,
                              long nowPs, long srttPs) {
    public ConnectionFacts {
        Objects.requireNonNull(tuple, "tuple");
        Objects.requireNonNull(state, "state");
        if (payloadBytesSeen < 0 || srttPs < 0 || nowPs < establishedAtPs) {
            throw new IllegalArgumentException("bad facts: bytes " + payloadBytesSeen + ", srtt " + srttPs
                    + ", established " + establishedAtPs + " > now " + nowPs);
        }
    }

    /** Time since the connection was established. */
    public long lifetimePs() {
        return nowPs - establishedAtPs;
    }

    public int localPort() {
        return tuple.localPort();
    }

    public int remotePort() {
        return tuple.remotePort();
    }

    /** Whether the connection can carry data in both directions (only then is a handoff allowed). */
    public boolean established() {
        return state == TcpState.ESTABLISHED;
    }
}
