package org.toesim.nic.device;

import java.util.Objects;

/** Entries the adapter writes to the {@link RingId#COMPLETION} ring. */
public sealed interface DeviceCompletion extends RingEntry {

    /** A command finished; {@code resultBytes} bytes were written at the command's result address. */
    record CommandCompletion(long commandId, CommandStatus status, int resultBytes) implements DeviceCompletion {
        public CommandCompletion {
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * A posted buffer is handed back with {@code bytesPlaced} payload bytes in it (claims 1, 17);
     * {@code push} when the data ended on a PSH boundary. {@link CommandStatus#FLUSHED} returns an
     * unfilled or partly filled buffer at flush.
     */
    record ReceiveCompletion(OffloadHandle handle, long cookie, int bytesPlaced, boolean push, CommandStatus status)
            implements DeviceCompletion {
        public ReceiveCompletion {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(status, "status");
        }
    }

    /** A send request is finished: {@code bytesAcked} of its bytes were acknowledged by the peer. */
    record SendCompletion(OffloadHandle handle, long cookie, int bytesAcked, CommandStatus status)
            implements DeviceCompletion {
        public SendCompletion {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(status, "status");
        }
    }

    /** Plain NIC: the frame of a {@link TxDescriptor.NicSend} has left; its buffer may be reused. */
    record NicSendCompletion(long cookie) implements DeviceCompletion {
    }

    /** Plain NIC: a frame of {@code lenBytes} was placed in the buffer {@code cookie}. */
    record NicReceiveCompletion(long cookie, int lenBytes, boolean checksumVerified) implements DeviceCompletion {
    }
}
