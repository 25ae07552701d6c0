package org.toesim.nic.plain;

import org.toesim.core.units.Units;
import org.toesim.nic.device.Registers;
import org.toesim.nic.frame.EthernetWire;
import org.toesim.nic.mac.MacConfig;

/**
 * Configuration of a {@link PlainNic}.
 *
 * @param queues                 receive/transmit queue pairs, 1..{@link Registers#MAX_QUEUES}
 * @param fetchBatch             descriptors fetched per DMA read of a ring
 * @param fetchCacheEntries      descriptors of one ring held on the card (fetched, not yet used)
 * @param maxReadTags            outstanding DMA read request TLPs; tags x MRRS bounds one read,
 *                               which must hold the largest TSO frame
 * @param rxChecksumOffload      verify IP/TCP checksums on receive (completion flag)
 * @param txChecksumOffload      fill in checksums on transmit when a descriptor asks
 * @param tso                    TCP segmentation offload (on by default, as Linux enables it
 *                               whenever the hardware offers it)
 * @param lro                    large receive offload (off by default, as on Linux; it needs
 *                               {@code rxChecksumOffload})
 * @param lroFlushTimeoutPs      an aggregate is delivered at most this long after its first segment
 * @param lroMaxBytes            largest aggregate payload
 * @param lroContextsPerQueue    flows one receive queue aggregates at once
 * @param rxBufferBytes          on-card receive packet buffer: frames wait in it while the
 *                               descriptors already posted for their queue are being fetched
 * @param txBufferBytes          on-card transmit packet buffer: frame data read from the host
 *                               and not yet handed to the MAC; descriptors wait while it is full
 * @param moderationUsecs        initial ethtool rx-usecs of every vector (the driver may change it)
 * @param moderationFrames       initial ethtool rx-max-frames of every vector
 * @param mac                    the MAC the NIC is built with (checked against the port given)
 */
public record PlainNicConfig(int queues, int fetchBatch, int fetchCacheEntries, int maxReadTags,
        boolean rxChecksumOffload, boolean txChecksumOffload, boolean tso, boolean lro, long lroFlushTimeoutPs,
        int lroMaxBytes, int lroContextsPerQueue, int rxBufferBytes, int txBufferBytes, long moderationUsecs, int moderationFrames,
        MacConfig mac) {
    /** Largest IPv4 packet, hence largest TSO send or LRO aggregate. */
    public static final int MAX_IP_PACKET_BYTES = 0xFFFF;

    public PlainNicConfig {
        if (queues < 1 || queues > Registers.MAX_QUEUES) {
            throw new IllegalArgumentException("queues " + queues + " outside [1, " + Registers.MAX_QUEUES + "]");
        }
        if (fetchBatch < 1 || fetchCacheEntries < fetchBatch) {
            throw new IllegalArgumentException("need 1 <= fetchBatch <= fetchCacheEntries");
        }
        if (lro && !rxChecksumOffload) {
            throw new IllegalArgumentException("LRO needs receive checksum offload");
        }
        if (lroFlushTimeoutPs <= 0 || lroMaxBytes < 1 || lroContextsPerQueue < 1) {
            throw new IllegalArgumentException("LRO timeout, size and contexts must be > 0");
        }
        if (txBufferBytes < EthernetWire.HEADER_BYTES + MAX_IP_PACKET_BYTES || moderationUsecs < 0
                || moderationFrames < 0 || maxReadTags < 1 || rxBufferBytes < 0) {
            throw new IllegalArgumentException("txBufferBytes must hold a 64 KiB send; moderation >= 0; tags >= 1");
        }
        if (mac == null) {
            throw new IllegalArgumentException("mac config is required");
        }
    }

    /**
     * One queue pair, fetch batches of 8 (cache 32), 256 read tags, checksum offload both ways,
     * TSO on, LRO off (8 us flush, 64 KiB, 8 flows per queue), 512 KiB receive and 256 KiB
     * transmit buffers,
     * rx-usecs 0 / rx-max-frames 0 (one interrupt per completion), 10 Gbit/s MAC.
     */
    public static PlainNicConfig defaults() {
        return new PlainNicConfig(1, 8, 32, 256, true, true, true, false, 8 * Units.PS_PER_US, 65536, 8,
                512 * 1024, 256 * 1024, 0, 0, MacConfig.tenGig());
    }

    public PlainNicConfig withQueues(int newQueues) {
        return new PlainNicConfig(newQueues, fetchBatch, fetchCacheEntries, maxReadTags, rxChecksumOffload,
                txChecksumOffload, tso, lro, lroFlushTimeoutPs, lroMaxBytes, lroContextsPerQueue, rxBufferBytes, txBufferBytes,
                moderationUsecs, moderationFrames, mac);
    }

    /** Checksum offload on receive and transmit. */
    public PlainNicConfig withChecksumOffload(boolean rx, boolean tx) {
        return new PlainNicConfig(queues, fetchBatch, fetchCacheEntries, maxReadTags, rx, tx, tso, lro && rx,
                lroFlushTimeoutPs, lroMaxBytes, lroContextsPerQueue, rxBufferBytes, txBufferBytes, moderationUsecs,
                moderationFrames, mac);
    }

    public PlainNicConfig withTso(boolean on) {
        return new PlainNicConfig(queues, fetchBatch, fetchCacheEntries, maxReadTags, rxChecksumOffload,
                txChecksumOffload, on, lro, lroFlushTimeoutPs, lroMaxBytes, lroContextsPerQueue, rxBufferBytes, txBufferBytes,
                moderationUsecs, moderationFrames, mac);
    }

    /** LRO on/off with the given flush timeout. */
    public PlainNicConfig withLro(boolean on, long flushTimeoutPs) {
        return new PlainNicConfig(queues, fetchBatch, fetchCacheEntries, maxReadTags, rxChecksumOffload,
                txChecksumOffload, tso, on, flushTimeoutPs, lroMaxBytes, lroContextsPerQueue, rxBufferBytes, txBufferBytes,
                moderationUsecs, moderationFrames, mac);
    }

    /** Initial ethtool -C rx-usecs / rx-max-frames of every vector. */
    public PlainNicConfig withModeration(long usecs, int frames) {
        return new PlainNicConfig(queues, fetchBatch, fetchCacheEntries, maxReadTags, rxChecksumOffload,
                txChecksumOffload, tso, lro, lroFlushTimeoutPs, lroMaxBytes, lroContextsPerQueue, rxBufferBytes, txBufferBytes,
                usecs, frames, mac);
    }

    public PlainNicConfig withMac(MacConfig newMac) {
        return new PlainNicConfig(queues, fetchBatch, fetchCacheEntries, maxReadTags, rxChecksumOffload,
                txChecksumOffload, tso, lro, lroFlushTimeoutPs, lroMaxBytes, lroContextsPerQueue, rxBufferBytes, txBufferBytes,
                moderationUsecs, moderationFrames, newMac);
    }

    public PlainNicConfig withTxBuffer(int bytes) {
        return new PlainNicConfig(queues, fetchBatch, fetchCacheEntries, maxReadTags, rxChecksumOffload,
                txChecksumOffload, tso, lro, lroFlushTimeoutPs, lroMaxBytes, lroContextsPerQueue, rxBufferBytes, bytes,
                moderationUsecs, moderationFrames, mac);
    }
}
