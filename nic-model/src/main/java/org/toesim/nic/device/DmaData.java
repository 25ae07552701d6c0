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

    /**
     * Bytes {@code [offsetBytes, offsetBytes + lenBytes)} of a typed content {@code whole} (a
     * state image, a query answer) that lies in host memory: what a read of part of it returns.
     * A device whose read limit is smaller than an image fetches it in several reads, one part
     * each, and reassembles {@code whole} once every part has arrived. Host memory models answer
     * reads with {@link DmaData#readOf}.
     *
     * <pre>
     *   InitiateOffload(stateAddr, 40000 B), maxReadBytes 16384:
     *     read(stateAddr, 16384)         -&gt; Part(image, 0, 16384)
     *     read(stateAddr + 16384, 16384) -&gt; Part(image, 16384, 16384)
     *     read(stateAddr + 32768, 7232)  -&gt; Part(image, 32768, 7232)   =&gt; image
     * </pre>
     */
    record Part(DmaData whole, int offsetBytes, int lenBytes) implements DmaData {
        public Part {
            Objects.requireNonNull(whole, "whole");
            if (offsetBytes < 0 || lenBytes <= 0 || (long) offsetBytes + lenBytes > whole.lenBytes()) {
                throw new IllegalArgumentException("part [" + offsetBytes + ", +" + lenBytes + ") outside "
                        + whole.lenBytes() + " B");
            }
        }
    }

    /**
     * What a read of {@code lenBytes} at {@code readAddr} returns when {@code stored} lies at
     * {@code storedAddr} (null: nothing stored there): the stored content itself for a read of
     * exactly it, a slice for a read inside stored {@link Bytes}, a {@link Part} for a read inside
     * any other content, otherwise {@link Opaque} bytes nothing interprets.
     */
    static DmaData readOf(long storedAddr, DmaData stored, long readAddr, int lenBytes) {
        if (stored == null || readAddr < storedAddr || readAddr + lenBytes > storedAddr + stored.lenBytes()) {
            return new Opaque(lenBytes);
        }
        int offset = (int) (readAddr - storedAddr);
        if (offset == 0 && lenBytes == stored.lenBytes()) {
            return stored;
        }
        if (stored instanceof Bytes b) {
            return new Bytes(b.payload().slice(offset, lenBytes));
        }
        return new Part(stored, offset, lenBytes);
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
