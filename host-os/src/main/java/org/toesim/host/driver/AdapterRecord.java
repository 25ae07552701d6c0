package org.toesim.host.driver;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.toesim.nic.device.Capability;
import org.toesim.nic.device.CommandStatus;

/**
 * The host's structure representing the adapter (claim 11), filled from the attach-time
 * capability query (claims 10, 19). The offload manager consults it before handing over a
 * connection.
 *
 * @param adapterName  the driver instance
 * @param outcome      how the query ended
 * @param capability   what the adapter answered ({@link Capability#none} when it did not answer
 *                     with a capability)
 * @param answeredAtPs instant the record was filled
 */
public record AdapterRecord(String adapterName, QueryOutcome outcome, Capability capability, long answeredAtPs) {

    /** How the capability query ended. */
    public enum QueryOutcome {
        /** The adapter answered with a capability image. */
        ANSWERED,
        /** The adapter completed the query with a status other than SUCCESS (e.g. NOT_SUPPORTED). */
        REFUSED,
        /** No completion within the command timeout: a device without a command processor. */
        TIMED_OUT
    }

    public AdapterRecord {
        Objects.requireNonNull(adapterName, "adapterName");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(capability, "capability");
    }

    /** A record of an adapter that cannot offload. */
    static AdapterRecord notCapable(String adapterName, QueryOutcome outcome, long nowPs) {
        return new AdapterRecord(adapterName, outcome, Capability.none(EnumSet.noneOf(
                org.toesim.nic.device.OffloadFeature.class)), nowPs);
    }

    /** Outcome for a completion status other than SUCCESS. */
    static QueryOutcome outcomeOf(CommandStatus status) {
        return status == CommandStatus.SUCCESS ? QueryOutcome.ANSWERED : QueryOutcome.REFUSED;
    }

    /** Whether connections may be offloaded to this adapter at all. */
    public boolean offloadSupported() {
        return outcome == QueryOutcome.ANSWERED && capability.offloadSupported();
    }

    public int ccbCapacity() {
        return capability.ccbCapacity();
    }

    public int maxConnections() {
        return capability.maxConnections();
    }

    public int maxSendBytes() {
        return capability.maxSendBytes();
    }

    public int maxReceiveBufferBytes() {
        return capability.maxReceiveBufferBytes();
    }

    public int maxPostedBuffersPerConnection() {
        return capability.maxPostedBuffersPerConnection();
    }

    public Set<org.toesim.nic.device.OffloadFeature> features() {
        return capability.features();
    }
}
