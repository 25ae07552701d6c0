package org.toesim.nic.toe;

import java.util.Objects;
import org.toesim.core.units.Units;
import org.toesim.tcp.engine.TcpConfig;

/**
 * Everything that shapes one TOE adapter. {@link #defaults()} gives the documented values.
 *
 * @param ccbCapacity             CCB table slots (default 1024); a full table refuses
 *                                InitiateOffload with {@code NO_RESOURCES}
 * @param ccbEntryBytes           card memory per CCB slot (default 1024 B: state, buffer lists, counters)
 * @param cores                   card processor cores (default 2); a connection is pinned to one core
 *                                so its work stays in order
 * @param clockHz                 card core clock (default 800 MHz)
 * @param cyclesPerRxSegment      fast-path data segment: classify, engine input, placement setup (default 1200)
 * @param cyclesPerRxAck          fast-path pure ACK (default 600)
 * @param cyclesPerTxSegment      build and hand one segment to the MAC (default 800)
 * @param cyclesPerSlowFrame      slow-path frame: classify and hand to the host ring (default 300)
 * @param cyclesPerCommand        one control command (default 4000)
 * @param cyclesPerDmaDescriptor  one fetched send/receive descriptor (default 200)
 * @param cyclesPerTimer          one engine timer expiry (default 400)
 * @param maxQueuedFramesPerCore  received frames a core's work queue holds; more are dropped (default 256)
 * @param pushTimerPs             a partly filled posted buffer is completed this long after its first byte (default 500 ms)
 * @param onCardBufferBytes       per-connection on-card receive buffering; the card advertises at most
 *                                this window (default 64 KiB)
 * @param maxPostedBuffersPerConnection posted receive buffers tracked per connection (default 64)
 * @param maxSendBytes            largest single ToeSend (default 1 MiB)
 * @param maxReceiveBufferBytes   largest posted receive buffer (default 1 MiB)
 * @param outOfOrder              what the card does with out-of-order data (default TO_HOST)
 * @param fin                     what the card does with an in-order FIN (default TO_HOST)
 * @param ipOptionsToHost         IPv4 options send a frame to the slow path (default true)
 * @param uploadAfterRetransmits  retransmission timeouts in a row without new data acknowledged before a
 *                                TIMEOUT upload request (default 4; RFC 9293 section 3.8.3 R2 in spirit;
 *                                fast retransmits of loss recovery do not count; the engine itself
 *                                gives up after maxDataRetries)
 * @param maxReadTags             DMA read tags (default 32)
 * @param fetchBatch              descriptors per ring fetch (default 16)
 * @param localMac                the card's MAC address
 * @param frameIdBase             first trace id of frames the card sends
 * @param engine                  settings of the on-card TCP engine not carried in a CCB (RTO bounds, MSL, retries)
 * @param uploadPolicy            optional upload requests (no posted buffers, low activity, high drop rate);
 *                                default {@link UploadPolicy#OFF}
 * @param indicationDelayPs       received bytes wait this long with no posted buffer before the card
 *                                indicates them into a host indication buffer (default 20 us): a host
 *                                that re-posts a buffer as soon as one completes has it on the card by
 *                                then, and an indication it would refuse (a buffer of its is on the
 *                                way) is not copied across the bus; 0 indicates at once
 */
public record ToeConfig(int ccbCapacity, int ccbEntryBytes, int cores, long clockHz, long cyclesPerRxSegment,
        long cyclesPerRxAck, long cyclesPerTxSegment, long cyclesPerSlowFrame, long cyclesPerCommand,
        long cyclesPerDmaDescriptor, long cyclesPerTimer, int maxQueuedFramesPerCore, long pushTimerPs,
        int onCardBufferBytes, int maxPostedBuffersPerConnection, int maxSendBytes, int maxReceiveBufferBytes,
        OutOfOrderAction outOfOrder, FinAction fin, boolean ipOptionsToHost, int uploadAfterRetransmits,
        int maxReadTags, int fetchBatch, long localMac, long frameIdBase, TcpConfig engine,
        UploadPolicy uploadPolicy, long indicationDelayPs) {

    /** Default {@link #indicationDelayPs}. */
    public static final long DEFAULT_INDICATION_DELAY_PS = 20 * Units.PS_PER_US;

    /** Out-of-order data of an offloaded connection. */
    public enum OutOfOrderAction {
        /** Hand the frame to the host slow path (the host holds it until it owns the connection). */
        TO_HOST,
        /** Hand the frame to the host and ask for an upload ({@code HIGH_DROP_OR_REORDER}). */
        UPLOAD_REQUEST
    }

    /**
     * An in-order FIN of an offloaded connection, and with it whether the close runs on the card
     * ({@link org.toesim.nic.device.OffloadFeature#CLOSE_ON_CARD} is offered unless TO_HOST).
     */
    public enum FinAction {
        /** Slow path: frame to the host, upload request {@code INVALID_STATE} (unless closing). */
        TO_HOST,
        /**
         * The card's engine processes it and the close runs on the card (the host is told with
         * {@code PeerClosed}; a {@code ToeSend} with {@code fin} sends the host's FIN); at TIME_WAIT,
         * or CLOSED after LAST_ACK, the card hands the connection back ({@code CONNECTION_DONE}).
         */
        ON_CARD,
        /**
         * As {@link #ON_CARD}, but the card also runs TIME_WAIT (2 x MSL holding the CCB slot) and
         * hands the connection back only at CLOSED.
         */
        ON_CARD_KEEP_TIME_WAIT;

        /** Whether the close runs on the card. */
        public boolean closesOnCard() {
            return this != TO_HOST;
        }
    }

    public ToeConfig {
        Objects.requireNonNull(outOfOrder, "outOfOrder");
        Objects.requireNonNull(fin, "fin");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(uploadPolicy, "uploadPolicy");
        if (ccbCapacity < 0 || cores < 1 || clockHz <= 0 || maxQueuedFramesPerCore < 1 || pushTimerPs <= 0
                || onCardBufferBytes < engine.mssBytes() || maxPostedBuffersPerConnection < 1 || maxSendBytes < 1
                || maxReceiveBufferBytes < 1 || uploadAfterRetransmits < 1 || fetchBatch < 1 || ccbEntryBytes < 0
                || indicationDelayPs < 0) {
            throw new IllegalArgumentException("bad TOE configuration: " + this);
        }
    }

    /** The configuration without optional upload requests ({@link UploadPolicy#OFF}); the original signature. */
    public ToeConfig(int ccbCapacity, int ccbEntryBytes, int cores, long clockHz, long cyclesPerRxSegment,
            long cyclesPerRxAck, long cyclesPerTxSegment, long cyclesPerSlowFrame, long cyclesPerCommand,
            long cyclesPerDmaDescriptor, long cyclesPerTimer, int maxQueuedFramesPerCore, long pushTimerPs,
            int onCardBufferBytes, int maxPostedBuffersPerConnection, int maxSendBytes, int maxReceiveBufferBytes,
            OutOfOrderAction outOfOrder, FinAction fin, boolean ipOptionsToHost, int uploadAfterRetransmits,
            int maxReadTags, int fetchBatch, long localMac, long frameIdBase, TcpConfig engine) {
        this(ccbCapacity, ccbEntryBytes, cores, clockHz, cyclesPerRxSegment, cyclesPerRxAck, cyclesPerTxSegment,
                cyclesPerSlowFrame, cyclesPerCommand, cyclesPerDmaDescriptor, cyclesPerTimer, maxQueuedFramesPerCore,
                pushTimerPs, onCardBufferBytes, maxPostedBuffersPerConnection, maxSendBytes, maxReceiveBufferBytes,
                outOfOrder, fin, ipOptionsToHost, uploadAfterRetransmits, maxReadTags, fetchBatch, localMac,
                frameIdBase, engine, UploadPolicy.OFF, DEFAULT_INDICATION_DELAY_PS);
    }

    /** The documented defaults. */
    public static ToeConfig defaults() {
        return new ToeConfig(1024, 1024, 2, 800_000_000L, 1200, 600, 800, 300, 4000, 200, 400, 256,
                500 * Units.PS_PER_MS, 64 * 1024, 64, 1 << 20, 1 << 20, OutOfOrderAction.TO_HOST, FinAction.TO_HOST,
                true, 4, 32, 16, 0x02_00_00_00_70_01L, 1L << 48, TcpConfig.defaults());
    }

    public ToeConfig withCcbCapacity(int v) {
        return new ToeConfig(v, ccbEntryBytes, cores, clockHz, cyclesPerRxSegment, cyclesPerRxAck, cyclesPerTxSegment,
                cyclesPerSlowFrame, cyclesPerCommand, cyclesPerDmaDescriptor, cyclesPerTimer, maxQueuedFramesPerCore,
                pushTimerPs, onCardBufferBytes, maxPostedBuffersPerConnection, maxSendBytes, maxReceiveBufferBytes,
                outOfOrder, fin, ipOptionsToHost, uploadAfterRetransmits, maxReadTags, fetchBatch, localMac,
                frameIdBase, engine, uploadPolicy, indicationDelayPs);
    }

    public ToeConfig withOutOfOrder(OutOfOrderAction v) {
        return new ToeConfig(ccbCapacity, ccbEntryBytes, cores, clockHz, cyclesPerRxSegment, cyclesPerRxAck,
                cyclesPerTxSegment, cyclesPerSlowFrame, cyclesPerCommand, cyclesPerDmaDescriptor, cyclesPerTimer,
                maxQueuedFramesPerCore, pushTimerPs, onCardBufferBytes, maxPostedBuffersPerConnection, maxSendBytes,
                maxReceiveBufferBytes, v, fin, ipOptionsToHost, uploadAfterRetransmits, maxReadTags, fetchBatch,
                localMac, frameIdBase, engine, uploadPolicy, indicationDelayPs);
    }

    public ToeConfig withFin(FinAction v) {
        return new ToeConfig(ccbCapacity, ccbEntryBytes, cores, clockHz, cyclesPerRxSegment, cyclesPerRxAck,
                cyclesPerTxSegment, cyclesPerSlowFrame, cyclesPerCommand, cyclesPerDmaDescriptor, cyclesPerTimer,
                maxQueuedFramesPerCore, pushTimerPs, onCardBufferBytes, maxPostedBuffersPerConnection, maxSendBytes,
                maxReceiveBufferBytes, outOfOrder, v, ipOptionsToHost, uploadAfterRetransmits, maxReadTags, fetchBatch,
                localMac, frameIdBase, engine, uploadPolicy, indicationDelayPs);
    }

    public ToeConfig withCores(int v) {
        return new ToeConfig(ccbCapacity, ccbEntryBytes, v, clockHz, cyclesPerRxSegment, cyclesPerRxAck,
                cyclesPerTxSegment, cyclesPerSlowFrame, cyclesPerCommand, cyclesPerDmaDescriptor, cyclesPerTimer,
                maxQueuedFramesPerCore, pushTimerPs, onCardBufferBytes, maxPostedBuffersPerConnection, maxSendBytes,
                maxReceiveBufferBytes, outOfOrder, fin, ipOptionsToHost, uploadAfterRetransmits, maxReadTags,
                fetchBatch, localMac, frameIdBase, engine, uploadPolicy, indicationDelayPs);
    }

    public ToeConfig withPushTimerPs(long v) {
        return new ToeConfig(ccbCapacity, ccbEntryBytes, cores, clockHz, cyclesPerRxSegment, cyclesPerRxAck,
                cyclesPerTxSegment, cyclesPerSlowFrame, cyclesPerCommand, cyclesPerDmaDescriptor, cyclesPerTimer,
                maxQueuedFramesPerCore, v, onCardBufferBytes, maxPostedBuffersPerConnection, maxSendBytes,
                maxReceiveBufferBytes, outOfOrder, fin, ipOptionsToHost, uploadAfterRetransmits, maxReadTags,
                fetchBatch, localMac, frameIdBase, engine, uploadPolicy, indicationDelayPs);
    }

    public ToeConfig withMaxQueuedFramesPerCore(int v) {
        return new ToeConfig(ccbCapacity, ccbEntryBytes, cores, clockHz, cyclesPerRxSegment, cyclesPerRxAck,
                cyclesPerTxSegment, cyclesPerSlowFrame, cyclesPerCommand, cyclesPerDmaDescriptor, cyclesPerTimer,
                v, pushTimerPs, onCardBufferBytes, maxPostedBuffersPerConnection, maxSendBytes,
                maxReceiveBufferBytes, outOfOrder, fin, ipOptionsToHost, uploadAfterRetransmits, maxReadTags,
                fetchBatch, localMac, frameIdBase, engine, uploadPolicy, indicationDelayPs);
    }

    public ToeConfig withUploadPolicy(UploadPolicy v) {
        return new ToeConfig(ccbCapacity, ccbEntryBytes, cores, clockHz, cyclesPerRxSegment, cyclesPerRxAck,
                cyclesPerTxSegment, cyclesPerSlowFrame, cyclesPerCommand, cyclesPerDmaDescriptor, cyclesPerTimer,
                maxQueuedFramesPerCore, pushTimerPs, onCardBufferBytes, maxPostedBuffersPerConnection, maxSendBytes,
                maxReceiveBufferBytes, outOfOrder, fin, ipOptionsToHost, uploadAfterRetransmits, maxReadTags,
                fetchBatch, localMac, frameIdBase, engine, v, indicationDelayPs);
    }

    public ToeConfig withMaxReadTags(int v) {
        return new ToeConfig(ccbCapacity, ccbEntryBytes, cores, clockHz, cyclesPerRxSegment, cyclesPerRxAck,
                cyclesPerTxSegment, cyclesPerSlowFrame, cyclesPerCommand, cyclesPerDmaDescriptor, cyclesPerTimer,
                maxQueuedFramesPerCore, pushTimerPs, onCardBufferBytes, maxPostedBuffersPerConnection, maxSendBytes,
                maxReceiveBufferBytes, outOfOrder, fin, ipOptionsToHost, uploadAfterRetransmits, v,
                fetchBatch, localMac, frameIdBase, engine, uploadPolicy, indicationDelayPs);
    }

    public ToeConfig withEngine(TcpConfig v) {
        return new ToeConfig(ccbCapacity, ccbEntryBytes, cores, clockHz, cyclesPerRxSegment, cyclesPerRxAck,
                cyclesPerTxSegment, cyclesPerSlowFrame, cyclesPerCommand, cyclesPerDmaDescriptor, cyclesPerTimer,
                maxQueuedFramesPerCore, pushTimerPs, onCardBufferBytes, maxPostedBuffersPerConnection, maxSendBytes,
                maxReceiveBufferBytes, outOfOrder, fin, ipOptionsToHost, uploadAfterRetransmits, maxReadTags,
                fetchBatch, localMac, frameIdBase, v, uploadPolicy, indicationDelayPs);
    }

    public ToeConfig withIndicationDelayPs(long v) {
        return new ToeConfig(ccbCapacity, ccbEntryBytes, cores, clockHz, cyclesPerRxSegment, cyclesPerRxAck,
                cyclesPerTxSegment, cyclesPerSlowFrame, cyclesPerCommand, cyclesPerDmaDescriptor, cyclesPerTimer,
                maxQueuedFramesPerCore, pushTimerPs, onCardBufferBytes, maxPostedBuffersPerConnection, maxSendBytes,
                maxReceiveBufferBytes, outOfOrder, fin, ipOptionsToHost, uploadAfterRetransmits, maxReadTags,
                fetchBatch, localMac, frameIdBase, engine, uploadPolicy, v);
    }
}
