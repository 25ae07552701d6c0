package org.toesim.nic.device;

import java.util.Objects;

/**
 * PCIe transactions from the adapter to the host. Each carries a {@code requestId} and
 * {@code sentPs} as in {@link HostToDevice}. Writes are posted (no acknowledgment); reads are
 * answered by {@link HostToDevice.DmaReadCompletion} with the same {@code requestId}.
 */
public sealed interface DeviceToHost {
    long requestId();

    long sentPs();

    /** Read {@code lenBytes} of host memory at {@code hostAddr} (split at MRRS on the wire). */
    record DmaReadRequest(long requestId, long sentPs, long hostAddr, int lenBytes) implements DeviceToHost {
        public DmaReadRequest {
            if (lenBytes <= 0) {
                throw new IllegalArgumentException("lenBytes must be > 0, got " + lenBytes);
            }
        }
    }

    /** Posted write of {@code data} at {@code hostAddr} (split at MPS on the wire). */
    record DmaWrite(long requestId, long sentPs, long hostAddr, DmaData data) implements DeviceToHost {
        public DmaWrite {
            Objects.requireNonNull(data, "data");
        }
    }

    /** MSI-X interrupt: a 4-byte posted write of the vector's message data to its message address. */
    record MsixInterrupt(long requestId, long sentPs, int vector) implements DeviceToHost {
        /** Payload of the posted write. */
        public static final int LEN_BYTES = 4;
    }

    /** Answer to {@link HostToDevice.MmioRead} {@code requestId}. */
    record MmioReadCompletion(long requestId, long sentPs, long value, int lenBytes) implements DeviceToHost {
    }
}
