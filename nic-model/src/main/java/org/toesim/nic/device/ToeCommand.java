package org.toesim.nic.device;

import java.util.Objects;

/**
 * Control commands the host writes to the {@link RingId#COMMAND} ring. Each carries a
 * host-chosen {@code commandId} that the matching {@link DeviceCompletion.CommandCompletion}
 * echoes. Results larger than a completion slot are DMA-written by the adapter to a host buffer
 * named in the command before the completion is written.
 */
public sealed interface ToeCommand extends RingEntry {
    /** Host-chosen id echoed by the completion. */
    long commandId();

    /** Ask what the adapter can do (claims 10, 19); the adapter writes a {@link DmaData.CapabilityImage} at {@code resultAddr}. */
    record CapabilityQuery(long commandId, long resultAddr) implements ToeCommand {
    }

    /**
     * Hand a connection to the adapter (claims 16, 20): the CCB image lies at
     * {@code stateAddr} ({@code stateLenBytes} long); the adapter fetches it by DMA, installs it
     * under {@code handle}, and completes the command.
     */
    record InitiateOffload(long commandId, OffloadHandle handle, long stateAddr, int stateLenBytes)
            implements ToeCommand {
        public InitiateOffload {
            Objects.requireNonNull(handle, "handle");
            requirePositive(stateLenBytes, "stateLenBytes");
        }
    }

    /**
     * Push new host-owned cached state (TTL, TOS, MSS, bytes accepted by the application). An
     * adapter that cannot change the send MSS of a live connection answers a changed
     * {@code sndMssBytes} with {@link CommandStatus#UNSUPPORTED_UPDATE} and applies nothing.
     */
    record UpdateOffload(long commandId, OffloadHandle handle, CachedState cached) implements ToeCommand {
        public UpdateOffload {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(cached, "cached");
        }
    }

    /** Read the delegated state and statistics (claim 12) into a {@link DmaData.QueryImage} at {@code resultAddr}. */
    record QueryOffload(long commandId, OffloadHandle handle, long resultAddr, int resultCapacityBytes)
            implements ToeCommand {
        public QueryOffload {
            Objects.requireNonNull(handle, "handle");
            requirePositive(resultCapacityBytes, "resultCapacityBytes");
        }
    }

    /**
     * Flush (claim 8): the adapter stops processing the connection, completes its posted buffers
     * with {@link CommandStatus#FLUSHED}, writes the CCB image at {@code stateAddr} and any
     * received-but-unplaced data at {@code dataAddr} (at most {@code dataCapacityBytes}), then
     * completes the command; the handle is dead afterwards. An image larger than
     * {@code stateCapacityBytes} (the undelivered data it carries is bounded only by the window
     * the host advertised) completes {@link CommandStatus#INVALID_REQUEST} with the image size
     * as {@code resultBytes} and changes nothing: the connection stays offloaded, and the host
     * asks again with a larger area.
     */
    record TerminateOffload(long commandId, OffloadHandle handle, long stateAddr, int stateCapacityBytes,
            long dataAddr, int dataCapacityBytes) implements ToeCommand {
        public TerminateOffload {
            Objects.requireNonNull(handle, "handle");
            requirePositive(stateCapacityBytes, "stateCapacityBytes");
            if (dataCapacityBytes < 0) {
                throw new IllegalArgumentException("dataCapacityBytes must be >= 0");
            }
        }
    }

    /**
     * Forward (additive, in the spirit of TCP Chimney's forwarding of segments that arrived
     * during offload): frames of the connection {@code handle} that reached the host (held while
     * the connection was being handed over, or sent up the slow path) lie at {@code framesAddr}
     * as one {@link DmaData.FrameBatch} of {@code framesLenBytes}. The adapter reads them by DMA
     * and feeds each, in order, to its receive classifier as if it had just arrived from the wire;
     * a frame it still cannot process goes up the slow path again. It then completes the command:
     * {@link CommandStatus#SUCCESS} when the handle's CCB was installed and active when the frames
     * were fed, {@link CommandStatus#UNKNOWN_HANDLE} or {@link CommandStatus#FLUSHED} otherwise
     * (the frames were still fed, and went to the host). Offered when the capability lists
     * {@link OffloadFeature#FORWARD_FRAMES}.
     */
    record ForwardFrames(long commandId, OffloadHandle handle, long framesAddr, int framesLenBytes)
            implements ToeCommand {
        public ForwardFrames {
            Objects.requireNonNull(handle, "handle");
            requirePositive(framesLenBytes, "framesLenBytes");
        }
    }

    /**
     * The neighbour {@code neighbourIp} (a next hop) is now at link-layer address {@code mac}
     * (the host's neighbour table changed: an ARP update, a failover): every offloaded connection
     * through it sends its next frames there, and the card no longer learns that neighbour from
     * received frames. Completes with {@link CommandStatus#SUCCESS}. Offered when the capability
     * lists {@link OffloadFeature#NEIGHBOUR_UPDATE}.
     */
    record UpdateNeighbour(long commandId, int neighbourIp, long mac) implements ToeCommand {
        public UpdateNeighbour {
            if (mac == 0 || (mac & ~0xFFFF_FFFF_FFFFL) != 0) {
                throw new IllegalArgumentException("not a MAC address: 0x" + Long.toHexString(mac));
            }
        }
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }
}
