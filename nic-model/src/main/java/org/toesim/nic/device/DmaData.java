package org.toesim.nic.device;

import java.util.List;
import java.util.Objects;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.segment.Payload;

/**
 * The content of a DMA transfer: what is in host memory at the transferred addresses. Host
 * memory is typed: a run of data bytes, ring entries, or a state/report image. Every variant
 * knows its {@link #lenBytes()}, which alone decides the bus time.
 */
public sealed interface DmaData {
    /** Number of bytes the transfer moves over the bus. */
    int lenBytes();

    /** A run of data bytes (TCP payload, a frame), real or virtual. */
    record Bytes(Payload payload) implements DmaData {
        public Bytes {
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public int lenBytes() {
            return payload.lenBytes();
        }
    }

    /** Consecutive ring entries of one ring, each {@code entryBytes} long in host memory. */
    record Entries(List<RingEntry> entries, int entryBytes) implements DmaData {
        public Entries {
            entries = List.copyOf(entries);
            if (entryBytes <= 0) {
                throw new IllegalArgumentException("entryBytes must be > 0, got " + entryBytes);
            }
        }

        @Override
        public int lenBytes() {
            return entries.size() * entryBytes;
        }
    }

    /**
     * A whole Ethernet frame in a plain-NIC buffer: the host's transmit buffer holds it (the
     * adapter reads it), or the adapter writes a received frame into a posted receive buffer.
     * The bus moves {@link Frame#lenBytes()} bytes (no FCS, no padding).
     */
    record FrameImage(Frame frame) implements DmaData {
        public FrameImage {
            Objects.requireNonNull(frame, "frame");
        }

        @Override
        public int lenBytes() {
            return frame.lenBytes();
        }
    }

    /**
     * Frames the host forwards to the adapter ({@link ToeCommand.ForwardFrames}), in arrival
     * order; the bus moves the sum of their {@link Frame#lenBytes()}.
     */
    record FrameBatch(List<Frame> frames) implements DmaData {
        public FrameBatch {
            frames = List.copyOf(frames);
            if (frames.isEmpty()) {
                throw new IllegalArgumentException("empty frame batch");
            }
        }

        @Override
        public int lenBytes() {
            int n = 0;
            for (Frame f : frames) {
                n += f.lenBytes();
            }
            return n;
        }
    }

    /** A CCB image (initiate offload reads it, flush writes it back). */
    record StateImage(OffloadState state) implements DmaData {
        public StateImage {
            Objects.requireNonNull(state, "state");
        }

        @Override
        public int lenBytes() {
            return state.imageSizeBytes();
        }
    }

    /** The adapter's answer to a capability query. */
    record CapabilityImage(Capability capability) implements DmaData {
        /** Size of the capability structure in host memory. */
        public static final int SIZE_BYTES = 64;

        public CapabilityImage {
            Objects.requireNonNull(capability, "capability");
        }

        @Override
        public int lenBytes() {
            return SIZE_BYTES;
        }
    }

    /** The answer to a query: the delegated state and the connection's statistics. */
    record QueryImage(OffloadState state, ConnectionStats stats) implements DmaData {
        /** Size of the statistics block that follows the state image. */
        public static final int STATS_BYTES = 128;

        public QueryImage {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(stats, "stats");
        }

        @Override
        public int lenBytes() {
            return state.imageSizeBytes() + STATS_BYTES;
        }
    }

    /** Bytes whose content nothing in the simulation reads (only their length matters). */
    record Opaque(int lenBytes) implements DmaData {
        public Opaque {
            if (lenBytes < 0) {
                throw new IllegalArgumentException("negative length " + lenBytes);
            }
        }
    }
}
