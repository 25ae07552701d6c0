package org.toesim.scenario.model;

import java.util.Map;
import org.toesim.core.units.Units;
import org.toesim.host.offload.CloseMode;
import org.toesim.host.offload.OffloadConfig;
import org.toesim.host.offload.OffloadPolicy;
import org.toesim.nic.toe.ToeConfig;
import org.toesim.scenario.spec.CardCloseName;
import org.toesim.scenario.spec.NicSpec;
import org.toesim.scenario.spec.OffloadPolicySpec;
import org.toesim.scenario.spec.Problem;
import org.toesim.scenario.spec.ScenarioException;
import org.toesim.tcp.engine.TcpConfig;

/**
 * What a {@code nic.model: toe} host's parts are made of, from the scenario:
 * <pre>
 *   NicSpec (ccbCapacity, cardClock, cardCores, cardCycles) + host MAC + host TCP settings --&gt; ToeConfig
 *   OffloadPolicySpec (never | always | auto | afterBytes | afterTime | ports)            --&gt; OffloadConfig
 * </pre>
 * Card cycle names ({@code cardCycles}): {@value #CYCLE_NAMES}.
 */
final class ToeAssembly {
    /** The card cost names a scenario may override (validated as spec.ModelChecks.CARD_CYCLE_NAMES). */
    static final String CYCLE_NAMES = "fastPathRx, fastPathAck, tx, slowPath, command, descriptor, timer";

    /** How often watched on-host connections are shown to the policy. */
    static final long POLICY_CHECK_PS = 100 * Units.PS_PER_US;

    /** Per-connection receive buffering on the card (the most it advertises beyond the host's credit). */
    static final int ON_CARD_BUFFER_BYTES = 256 * 1024;

    private ToeAssembly() {
    }

    /**
     * The card of host {@code index}: the NicSpec's table size, clock, cores and cycle overrides
     * on {@link ToeConfig#defaults()}; the on-card engine uses the host's TCP settings; the push
     * timer is 1 ms (a partly filled posted buffer completes 1 ms after its first byte).
     */
    static ToeConfig config(NicSpec n, long mac, int index, TcpConfig engine, String path) throws ScenarioException {
        ToeConfig d = ToeConfig.defaults();
        long[] c = {d.cyclesPerRxSegment(), d.cyclesPerRxAck(), d.cyclesPerTxSegment(), d.cyclesPerSlowFrame(),
            d.cyclesPerCommand(), d.cyclesPerDmaDescriptor(), d.cyclesPerTimer()};
        String[] names = CYCLE_NAMES.split(", ");
        for (Map.Entry<String, Long> e : n.cardCycles().entrySet()) {
            int k = java.util.Arrays.asList(names).indexOf(e.getKey());
            if (k < 0) {
                throw new ScenarioException(new Problem("<scenario>", 0, 0, path + ".nic.cardCycles." + e.getKey(),
                        "unknown card cost '" + e.getKey() + "'", "one of " + CYCLE_NAMES, ""));
            }
            c[k] = e.getValue();
        }
        return new ToeConfig(n.ccbCapacity(), d.ccbEntryBytes(), n.cardCores(), n.cardClockHz(), c[0], c[1], c[2],
                c[3], c[4], c[5], c[6], d.maxQueuedFramesPerCore(), Units.PS_PER_MS, ON_CARD_BUFFER_BYTES,
                d.maxPostedBuffersPerConnection(), d.maxSendBytes(), d.maxReceiveBufferBytes(), d.outOfOrder(),
                fin(n.close()), d.ipOptionsToHost(), d.uploadAfterRetransmits(), d.maxReadTags(), d.fetchBatch(), mac,
                ((long) index + 1) << 48, engine, d.uploadPolicy(), n.indicationDelayPs());
    }

    /** The card's FIN handling for a scenario's {@code nic.close}. */
    static ToeConfig.FinAction fin(CardCloseName close) {
        return switch (close) {
            case UPLOAD -> ToeConfig.FinAction.TO_HOST;
            case CARD -> ToeConfig.FinAction.ON_CARD;
            case CARD_TIME_WAIT -> ToeConfig.FinAction.ON_CARD_KEEP_TIME_WAIT;
        };
    }

    /** The host-os policy of a scenario's offload field. */
    static OffloadPolicy policy(OffloadPolicySpec p) {
        if (p instanceof OffloadPolicySpec.Never) {
            return new OffloadPolicy.Never();
        } else if (p instanceof OffloadPolicySpec.Always) {
            return new OffloadPolicy.Always();
        } else if (p instanceof OffloadPolicySpec.Auto) {
            return OffloadPolicy.Auto.defaults();
        } else if (p instanceof OffloadPolicySpec.AfterBytes b) {
            return new OffloadPolicy.AfterBytes(b.bytes());
        } else if (p instanceof OffloadPolicySpec.AfterTime t) {
            return new OffloadPolicy.AfterTime(t.timePs());
        } else if (p instanceof OffloadPolicySpec.Ports ports) {
            return OffloadPolicy.Ports.of(ports.ports());
        }
        throw new IllegalStateException("unknown offload policy " + p);
    }

    /**
     * The manager's settings: {@code policy}, checked every {@link #POLICY_CHECK_PS}; window
     * credit pushed every {@code onCardBufferBytes / 4} accepted bytes (with the host-os default
     * of 64 KiB, equal to the card's 64 KiB buffer, the advertised window closes before the
     * credit goes out and the peer waits for its persist timer); other values host-os defaults.
     */
    static OffloadConfig offloadConfig(OffloadPolicy policy, ToeConfig card, NicSpec nic) {
        return OffloadConfig.of(policy).withCheckIntervalPs(POLICY_CHECK_PS)
                .withCreditThresholdBytes(card.onCardBufferBytes() / 4)
                .withCloseMode(card.fin().closesOnCard() ? CloseMode.CLOSE_ON_CARD : CloseMode.UPLOAD_FIRST)
                .withIndications(nic.indicationBuffers(), nic.indicationBufferBytes());
    }
}
