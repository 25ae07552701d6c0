package org.toesim.nic.device;

/**
 * State the host owns and the adapter caches for an offloaded connection; the host pushes
 * changes with {@link ToeCommand.UpdateOffload}.
 *
 * @param ipTtl             IP time-to-live / hop limit for outgoing segments
 * @param ipTos             IP type of service / traffic class
 * @param sndMssBytes       maximum segment size for sending (path MTU may change it)
 * @param appAcceptedBytes  count of received bytes the host has accepted since the connection was
 *                          installed (claim 13): bytes placed in posted buffers and bytes taken
 *                          from indications; the adapter drops held bytes up to it
 * @param indicationsAnswered {@link DeviceEvent.IndicateData} events of this connection the host
 *                          has answered so far (the count this update's acceptance includes); the
 *                          adapter places nothing in posted buffers while an indication is
 *                          unanswered, since the host may take those bytes
 */
public record CachedState(int ipTtl, int ipTos, int sndMssBytes, long appAcceptedBytes, long indicationsAnswered) {
    public CachedState {
        if (ipTtl < 0 || ipTtl > 255 || ipTos < 0 || ipTos > 255 || sndMssBytes <= 0 || appAcceptedBytes < 0
                || indicationsAnswered < 0) {
            throw new IllegalArgumentException("bad cached state: ttl " + ipTtl + ", tos " + ipTos
                    + ", mss " + sndMssBytes + ", accepted " + appAcceptedBytes + ", answered " + indicationsAnswered);
        }
    }

    /** Cached state that answers no indication. */
    public CachedState(int ipTtl, int ipTos, int sndMssBytes, long appAcceptedBytes) {
        this(ipTtl, ipTos, sndMssBytes, appAcceptedBytes, 0);
    }
}
