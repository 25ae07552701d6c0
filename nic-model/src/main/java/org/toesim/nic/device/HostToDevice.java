package org.toesim.nic.device;

import java.util.Objects;

/**
 * PCIe transactions from the host (root complex) to the adapter. Each carries a
 * {@code requestId} (unique per sender; a completion echoes its request's id) and
 * {@code sentPs}, the instant the sender handed it to the link; the instant it arrives is the
 * receiver's {@code now}.
 */
public sealed interface HostToDevice {
    long requestId();

    long sentPs();

    /** Posted register write (a doorbell, a ring base, a moderation setting). */
    record MmioWrite(long requestId, long sentPs, int bar, long offset, int lenBytes, long value)
            implements HostToDevice {
        public MmioWrite {
            checkRegisterLength(lenBytes);
        }
    }

    /** Non-posted register read; the adapter answers with {@link DeviceToHost.MmioReadCompletion}. */
    record MmioRead(long requestId, long sentPs, int bar, long offset, int lenBytes) implements HostToDevice {
        public MmioRead {
            checkRegisterLength(lenBytes);
        }
    }

    /** The data of host memory the adapter asked for with {@link DeviceToHost.DmaReadRequest} {@code requestId}. */
    record DmaReadCompletion(long requestId, long sentPs, long hostAddr, DmaData data) implements HostToDevice {
        public DmaReadCompletion {
            Objects.requireNonNull(data, "data");
        }
    }

    private static void checkRegisterLength(int lenBytes) {
        if (lenBytes != 4 && lenBytes != 8) {
            throw new IllegalArgumentException("register access must be 4 or 8 bytes, got " + lenBytes);
        }
    }
}
