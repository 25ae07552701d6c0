package org.toesim.nic.device;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an adapter says it can do (claims 10, 11, 19). The host's adapter record is filled from
 * this after the attach-time capability query.
 *
 * @param offloadSupported    whether the adapter can take over TCP connections at all
 * @param ccbCapacity         CCB table slots on the card
 * @param maxConnections      connections the adapter accepts at once (at most {@code ccbCapacity})
 * @param maxSendBytes        largest length of one send request
 * @param maxReceiveBufferBytes largest length of one posted receive buffer
 * @param maxPostedBuffersPerConnection posted receive buffers the adapter tracks per connection
 * @param features            optional abilities (an unmodifiable {@link EnumSet} copy, iteration in enum order)
 */
public record Capability(boolean offloadSupported, int ccbCapacity, int maxConnections, int maxSendBytes,
        int maxReceiveBufferBytes, int maxPostedBuffersPerConnection, Set<OffloadFeature> features) {

    public Capability {
        if (ccbCapacity < 0 || maxConnections < 0 || maxConnections > ccbCapacity) {
            throw new IllegalArgumentException("need 0 <= maxConnections (" + maxConnections
                    + ") <= ccbCapacity (" + ccbCapacity + ")");
        }
        if (maxSendBytes < 0 || maxReceiveBufferBytes < 0 || maxPostedBuffersPerConnection < 0) {
            throw new IllegalArgumentException("limits must be >= 0");
        }
        EnumSet<OffloadFeature> copy = EnumSet.noneOf(OffloadFeature.class);
        copy.addAll(features);
        features = Collections.unmodifiableSet(copy);
    }

    /** The answer of an adapter that cannot offload anything (a plain NIC). */
    public static Capability none(Set<OffloadFeature> nicFeatures) {
        return new Capability(false, 0, 0, 0, 0, 0, nicFeatures);
    }

    /** Whether {@code feature} is supported. */
    public boolean supports(OffloadFeature feature) {
        return features.contains(feature);
    }
}
