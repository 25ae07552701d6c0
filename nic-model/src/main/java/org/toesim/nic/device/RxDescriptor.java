package org.toesim.nic.device;

import java.util.Objects;

/** Entries of the {@link RingId#RECEIVE} ring: buffers the host lends the adapter. */
public sealed interface RxDescriptor extends RingEntry {
    /** Host address of the buffer. */
    long hostAddr();

    /** Buffer length. */
    int lenBytes();

    /** Host-chosen id echoed by the completion. */
    long cookie();

    /**
     * A receive buffer for one offloaded connection (claims 1, 15, 17, 18): the adapter places
     * the connection's in-order payload, free of headers, at {@code hostAddr}, and completes it
     * with a {@link DeviceCompletion.ReceiveCompletion}.
     */
    record PostBuffer(OffloadHandle handle, long hostAddr, int lenBytes, long cookie) implements RxDescriptor {
        public PostBuffer {
            Objects.requireNonNull(handle, "handle");
            requirePositive(lenBytes);
        }
    }

    /** A driver-owned buffer for data of any offloaded connection that has no posted buffer ({@link DeviceEvent.IndicateData}). */
    record IndicationBuffer(long hostAddr, int lenBytes, long cookie) implements RxDescriptor {
        public IndicationBuffer {
            requirePositive(lenBytes);
        }
    }

    /** A plain-NIC receive buffer for one whole frame. */
    record NicBuffer(long hostAddr, int lenBytes, long cookie) implements RxDescriptor {
        public NicBuffer {
            requirePositive(lenBytes);
        }
    }

    private static void requirePositive(int lenBytes) {
        if (lenBytes <= 0) {
            throw new IllegalArgumentException("lenBytes must be > 0, got " + lenBytes);
        }
    }
}
