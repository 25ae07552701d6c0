package org.toesim.nic.device;

/**
 * State the host owns and the adapter caches for an offloaded connection; the host pushes
 * changes with {@link ToeCommand.UpdateOffload}.
 *
 * @param ipTtl             IP time-to-live / hop limit for outgoing segments
 * @param ipTos             IP type of service / traffic class
 * @param sndMssBytes       maximum segment size for sending (path MTU may change it)
 * @param appAcceptedBytes  cumulative count of received bytes the application has accepted
 *                          (claim 13); the adapter may open the advertised window up to it
 */
public record CachedState(int ipTtl, int ipTos, int sndMssBytes, long appAcceptedBytes) {
    public CachedState {
        if (ipTtl < 0 || ipTtl > 255 || ipTos < 0 || ipTos > 255 || sndMssBytes <= 0 || appAcceptedBytes < 0) {
            throw new IllegalArgumentException("bad cached state: ttl " + ipTtl + ", tos " + ipTos
                    + ", mss " + sndMssBytes + ", accepted " + appAcceptedBytes);
        }
    }
}
