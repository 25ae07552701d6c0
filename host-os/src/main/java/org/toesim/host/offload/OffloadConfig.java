package org.toesim.host.offload;

import java.util.Objects;
import org.toesim.core.units.Units;

/**
 * How the offload manager behaves.
 *
 * @param policy                 which connections to offload (claim 7)
 * @param checkIntervalPs        period at which watched on-host connections are shown to the policy (> 0)
 * @param closeMode              what an application close of an offloaded connection does
 * @param statsPollIntervalPs    period of QueryOffload polls of offloaded connections (claim 12); 0 = never
 * @param statsPollBatch         QueryOffloads one poll submits at most (> 0): with more offloaded
 *                               connections than this, polls take them in turn, so each is polled
 *                               every (connections / batch) intervals and the query load on the
 *                               COMMAND ring and the card stays bounded whatever the table holds
 * @param creditThresholdBytes   push UpdateOffload once the application accepted this many bytes since the last
 *                               push (claim 13); 0 = after every completion
 * @param refusalBackoffPs       after a refusal, do not ask the policy about that connection for this long
 * @param ipTtl                  TTL pushed in {@link org.toesim.nic.device.CachedState}
 * @param ipTos                  TOS pushed in {@link org.toesim.nic.device.CachedState}
 * @param stateCapacityBytes     room reserved for the CCB image returned at flush
 * @param indicationBuffers      driver-owned indication buffers lent to the adapter (0 = none: data
 *                               with no posted buffer waits on the adapter), see
 *                               {@link OffloadManager#onDeviceEvent}
 * @param indicationBufferBytes  size of each indication buffer
 */
public record OffloadConfig(OffloadPolicy policy, long checkIntervalPs, CloseMode closeMode, long statsPollIntervalPs,
                            long creditThresholdBytes, long refusalBackoffPs, int ipTtl, int ipTos,
                            int stateCapacityBytes, int indicationBuffers, int indicationBufferBytes,
                            int statsPollBatch) {
    /** Default {@link #statsPollBatch}: every connection of a 256-entry table polled each interval. */
    public static final int DEFAULT_STATS_POLL_BATCH = 256;

    public OffloadConfig {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(closeMode, "closeMode");
        if (checkIntervalPs <= 0 || statsPollIntervalPs < 0 || creditThresholdBytes < 0 || refusalBackoffPs < 0 || stateCapacityBytes <= 0
                || indicationBuffers < 0 || indicationBufferBytes <= 0 || statsPollBatch <= 0) {
            throw new IllegalArgumentException("bad offload config: " + this);
        }
    }

    /**
     * Defaults: the given policy checked every 1 ms, upload-first close, stats every 10 ms, credit
     * every 64 KiB, 100 ms backoff after a refusal, TTL 64, TOS 0, 4 MiB for a returned CCB, no
     * indication buffers (16 KiB each when some are asked for), at most
     * {@value #DEFAULT_STATS_POLL_BATCH} statistics queries per poll.
     */
    public static OffloadConfig of(OffloadPolicy policy) {
        return new OffloadConfig(policy, Units.PS_PER_MS, CloseMode.UPLOAD_FIRST, 10 * Units.PS_PER_MS, 64 * 1024,
                100 * Units.PS_PER_MS, 64, 0, 4 << 20, 0, 16 * 1024, DEFAULT_STATS_POLL_BATCH);
    }

    public OffloadConfig withCheckIntervalPs(long v) {
        return new OffloadConfig(policy, v, closeMode, statsPollIntervalPs, creditThresholdBytes, refusalBackoffPs,
                ipTtl, ipTos, stateCapacityBytes, indicationBuffers, indicationBufferBytes, statsPollBatch);
    }

    public OffloadConfig withStatsPollIntervalPs(long v) {
        return new OffloadConfig(policy, checkIntervalPs, closeMode, v, creditThresholdBytes, refusalBackoffPs, ipTtl, ipTos,
                stateCapacityBytes, indicationBuffers, indicationBufferBytes, statsPollBatch);
    }

    public OffloadConfig withCreditThresholdBytes(long v) {
        return new OffloadConfig(policy, checkIntervalPs, closeMode, statsPollIntervalPs, v, refusalBackoffPs, ipTtl, ipTos,
                stateCapacityBytes, indicationBuffers, indicationBufferBytes, statsPollBatch);
    }

    public OffloadConfig withCloseMode(CloseMode v) {
        return new OffloadConfig(policy, checkIntervalPs, v, statsPollIntervalPs, creditThresholdBytes, refusalBackoffPs,
                ipTtl, ipTos, stateCapacityBytes, indicationBuffers, indicationBufferBytes, statsPollBatch);
    }

    public OffloadConfig withRefusalBackoffPs(long v) {
        return new OffloadConfig(policy, checkIntervalPs, closeMode, statsPollIntervalPs, creditThresholdBytes, v, ipTtl, ipTos,
                stateCapacityBytes, indicationBuffers, indicationBufferBytes, statsPollBatch);
    }

    /** {@code count} indication buffers of {@code lenBytes} each (0 = none). */
    public OffloadConfig withIndications(int count, int lenBytes) {
        return new OffloadConfig(policy, checkIntervalPs, closeMode, statsPollIntervalPs, creditThresholdBytes,
                refusalBackoffPs, ipTtl, ipTos, stateCapacityBytes, count, lenBytes, statsPollBatch);
    }

    public OffloadConfig withStatsPollBatch(int v) {
        return new OffloadConfig(policy, checkIntervalPs, closeMode, statsPollIntervalPs, creditThresholdBytes,
                refusalBackoffPs, ipTtl, ipTos, stateCapacityBytes, indicationBuffers, indicationBufferBytes, v);
    }
}
