package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Map;
import java.util.TreeMap;
import org.toesim.nic.toe.ToeConfig;

/**
 * A host's network adapter.
 *
 * @param model               {@code plain} or {@code toe} (default plain)
 * @param ccbCapacity         connections the card can hold (CCB table entries; default 1024; toe only)
 * @param cardClockHz         clock of the card's protocol processor(s) (default 1GHz; toe only)
 * @param cardCores           number of protocol processors on the card (default 1; toe only)
 * @param cardCycles          overrides of the card's cycle-cost table, by cost name (the model
 *                            rejects unknown names); sorted by name
 * @param checksumOffload     the card computes and checks TCP/IP checksums (default true)
 * @param tso                 TCP segmentation offload for the host stack (default true)
 * @param lro                 large receive offload for the host stack (default false)
 * @param rssQueues           receive-side-scaling queues, 1..64 (default 1)
 * @param interruptModeration receive interrupt moderation
 * @param mtuBytes            the interface MTU: the largest IP packet it sends or accepts, as
 *                            {@code ip link set mtu} on Linux or ns-3's {@code NetDevice::Mtu}
 *                            ({@value #MIN_MTU_BYTES}..{@value #MAX_MTU_BYTES}, default
 *                            {@value #DEFAULT_MTU_BYTES}; 9000 for jumbo frames); frames of up to
 *                            MTU + 14 bytes of Ethernet header leave and enter the port
 * @param card                the TOE card's hardware profile: the defaults of {@code cardClock},
 *                            {@code cardCores} and {@code cardCycles} (default {@code baseline})
 * @param txqueuelen          the host interface's transmit queue in packets, Linux's
 *                            {@code txqueuelen} under the default pfifo_fast qdisc (default
 *                            1000, 1..1000000): frames wait there while the NIC's send ring is
 *                            full and are dropped at the tail past it (a TSO frame counts once)
 * @param close               where an offloaded connection's close runs: {@code upload} (default;
 *                            the host takes it back first), {@code card} or {@code cardTimeWait}
 *                            (toe only; see {@link CardCloseName})
 * @param indicationBuffers   driver-owned indication buffers lent to the card (toe only; default 0,
 *                            0..{@value #MAX_INDICATION_BUFFERS}): data of an offloaded connection
 *                            with no application buffer posted is indicated into one, and the
 *                            socket takes it (Chimney's "indicate, then post"); with 0 it waits on
 *                            the card until the application posts a buffer
 * @param indicationBufferBytes size of each indication buffer (default 16KiB, 1KiB..1MiB)
 * @param indicationDelayPs   how long received bytes wait on the card with no posted buffer before
 *                            they are indicated (default 20us, 0 = at once; toe only)
 * @param rxBuffers           receive buffers the plain NIC's driver keeps posted, Linux's
 *                            {@code ethtool -G rx} (default {@value #DEFAULT_RX_BUFFERS},
 *                            1..{@value #MAX_RX_BUFFERS}; the RECEIVE ring is twice the next
 *                            power of two above): a burst of more frames than this between two
 *                            refills is dropped at the NIC ({@code nics[].rxDrops}); on a TOE, the
 *                            buffers of its slow path
 */
public record NicSpec(NicModel model, int ccbCapacity, long cardClockHz, int cardCores, Map<String, Long> cardCycles,
                      boolean checksumOffload, boolean tso, boolean lro, int rssQueues,
                      InterruptModerationSpec interruptModeration, int mtuBytes, int txqueuelen,
                      CardProfileName card, CardCloseName close, int indicationBuffers,
                      int indicationBufferBytes, long indicationDelayPs, int rxBuffers) {
    /** Default receive buffers kept posted (a 512-slot RECEIVE ring). */
    public static final int DEFAULT_RX_BUFFERS = 255;
    /** Most receive buffers (a 32768-slot ring, twice ixgbe's and mlx5's largest). */
    public static final int MAX_RX_BUFFERS = 32767;
    /** Default CCB table size. */
    public static final int DEFAULT_CCB_CAPACITY = 1024;
    /** Default MTU: standard Ethernet. */
    public static final int DEFAULT_MTU_BYTES = 1500;
    /** Smallest MTU accepted: the datagram every IPv4 host must accept (RFC 791 3.1). */
    public static final int MIN_MTU_BYTES = 576;
    /** Largest MTU accepted: the usual jumbo-frame limit of Ethernet switches and NICs. */
    public static final int MAX_MTU_BYTES = 9216;
    /** A plain NIC with checksum offload and TSO. */
    public static final NicSpec DEFAULT = of(null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null);
    /** Most indication buffers a card is lent. */
    public static final int MAX_INDICATION_BUFFERS = 65536;
    /** Linux's default txqueuelen for Ethernet. */
    public static final int DEFAULT_TXQUEUELEN = 1000;

    public NicSpec {
        if (model == null) {
            throw new FieldException("model", "missing", "one of " + NamedValues.names(NicModel.class));
        }
        Checks.between("ccbCapacity", ccbCapacity, 1, 1 << 24);
        Checks.positive("cardClock", cardClockHz, "\"1GHz\"");
        Checks.between("cardCores", cardCores, 1, 1024);
        cardCycles = Costs.check("cardCycles", cardCycles);
        Checks.between("rssQueues", rssQueues, 1, 64);
        if (interruptModeration == null) {
            throw new FieldException("interruptModeration", "missing", "an object");
        }
        Checks.between("mtu", mtuBytes, MIN_MTU_BYTES, MAX_MTU_BYTES);
        Checks.between("txqueuelen", txqueuelen, 1, 1_000_000);
        if (card == null) {
            throw new FieldException("card", "missing", "one of " + NamedValues.names(CardProfileName.class));
        }
        if (close == null) {
            throw new FieldException("close", "missing", "one of " + NamedValues.names(CardCloseName.class));
        }
        Checks.between("indicationBuffers", indicationBuffers, 0, MAX_INDICATION_BUFFERS);
        Checks.between("indicationBufferBytes", indicationBufferBytes, 1024, 1 << 20);
        if (indicationDelayPs < 0) {
            throw new FieldException("indicationDelay", indicationDelayPs + " ps is negative", "a duration >= 0");
        }
        Checks.between("rxBuffers", rxBuffers, 1, MAX_RX_BUFFERS);
    }

    /**
     * The RECEIVE ring the driver programs for {@link #rxBuffers}: twice the smallest power of two
     * above it (the default 255 buffers on a 512-slot ring keep that ratio).
     */
    public int receiveRingSlots() {
        return Integer.highestOneBit(rxBuffers + 1) << 1;
    }

    @JsonCreator
    static NicSpec of(@JsonProperty("model") NicModel model,
                      @JsonProperty("ccbCapacity") Integer ccbCapacity,
                      @JsonProperty("cardClock") @JsonDeserialize(using = Quantities.Frequency.class) Long cardClock,
                      @JsonProperty("cardCores") Integer cardCores,
                      @JsonProperty("cardCycles") Map<String, Long> cardCycles,
                      @JsonProperty("checksumOffload") Boolean checksumOffload,
                      @JsonProperty("tso") Boolean tso,
                      @JsonProperty("lro") Boolean lro,
                      @JsonProperty("rssQueues") Integer rssQueues,
                      @JsonProperty("interruptModeration") InterruptModerationSpec interruptModeration,
                      @JsonProperty("mtu") Integer mtu,
                      @JsonProperty("txqueuelen") Integer txqueuelen,
                      @JsonProperty("card") CardProfileName card,
                      @JsonProperty("close") CardCloseName close,
                      @JsonProperty("indicationBuffers") Integer indicationBuffers,
                      @JsonProperty("indicationBufferBytes") @JsonDeserialize(using = Quantities.Size.class)
                      Long indicationBufferBytes,
                      @JsonProperty("indicationDelay") @JsonDeserialize(using = Quantities.Duration.class)
                      Long indicationDelay,
                      @JsonProperty("rxBuffers") Integer rxBuffers) {
        CardProfileName profile = Checks.or(card, CardProfileName.BASELINE);
        // a TOE: the profile's cycle table, then the file's overrides on top (a plain NIC has no
        // card; what the file says there is checked as given)
        NicModel m = Checks.or(model, NicModel.PLAIN);
        Map<String, Long> cycles = new TreeMap<>(m == NicModel.TOE ? profile.cycles() : Map.of());
        if (cardCycles != null) {
            cycles.putAll(cardCycles);
        }
        return new NicSpec(m, Checks.or(ccbCapacity, DEFAULT_CCB_CAPACITY),
                Checks.or(cardClock, profile.clockHz()), Checks.or(cardCores, profile.cores()), cycles,
                Checks.or(checksumOffload, true), Checks.or(tso, true), Checks.or(lro, false),
                Checks.or(rssQueues, 1), Checks.or(interruptModeration, InterruptModerationSpec.DEFAULT),
                Checks.or(mtu, DEFAULT_MTU_BYTES), Checks.or(txqueuelen, DEFAULT_TXQUEUELEN), profile,
                Checks.or(close, CardCloseName.UPLOAD), Checks.or(indicationBuffers, 0),
                (int) Math.min(Integer.MAX_VALUE, Checks.or(indicationBufferBytes, 16L * 1024)),
                Checks.or(indicationDelay, ToeConfig.DEFAULT_INDICATION_DELAY_PS),
                Checks.or(rxBuffers, DEFAULT_RX_BUFFERS));
    }
}
