package org.toesim.nic.device;

import java.util.List;
import java.util.Objects;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.segment.Payload;

/**
 * The {@link OffloadState} of a TCP offload adapter: an immutable {@link ControlBlock} snapshot
 * of the shared TCP engine (claim 20). The host's offload manager wraps
 * {@code TcpConnection.snapshot(now)} in one and writes it at the {@code stateAddr} of a
 * {@link ToeCommand.InitiateOffload}; the adapter writes one back at flush
 * ({@link ToeCommand.TerminateOffload}), from which {@code TcpConnection.restore} continues the
 * connection on the host.
 *
 * <p>Image size (what the DMA transfer costs) is computed from the contents:
 * <pre>
 *   FIXED_BYTES (constant + cached + delegated scalar fields)
 *   + RUN_DESCRIPTOR_BYTES per data run and SACK block
 *   + every data byte the CCB carries (unacknowledged send data, undelivered and
 *     out-of-order receive data)
 * </pre>
 *
 * @param ccb the control block (constant / cached / delegated parts)
 */
public record CcbImage(ControlBlock ccb) implements OffloadState {
    /** Scalar fields of the three parts, rounded up to a cache-line multiple. */
    public static final int FIXED_BYTES = 256;
    /** One run descriptor (stream offset, length, address) or one SACK block. */
    public static final int RUN_DESCRIPTOR_BYTES = 16;

    public CcbImage {
        Objects.requireNonNull(ccb, "ccb");
    }

    @Override
    public int imageSizeBytes() {
        ControlBlock.Delegated d = ccb.delegated();
        long bytes = FIXED_BYTES + (long) RUN_DESCRIPTOR_BYTES * d.sackReported().size();
        bytes += runBytes(d.send().unacked()) + runBytes(d.receive().undelivered())
                + runBytes(d.receive().outOfOrder());
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalStateException("CCB image of " + bytes + " bytes");
        }
        return (int) bytes;
    }

    /** Bytes of data the image carries (send unacked + receive undelivered + out-of-order). */
    public long dataBytes() {
        ControlBlock.Delegated d = ccb.delegated();
        return sum(d.send().unacked()) + sum(d.receive().undelivered()) + sum(d.receive().outOfOrder());
    }

    private static long runBytes(List<Payload> runs) {
        return (long) RUN_DESCRIPTOR_BYTES * runs.size() + sum(runs);
    }

    private static long sum(List<Payload> runs) {
        long n = 0;
        for (Payload p : runs) {
            n += p.lenBytes();
        }
        return n;
    }
}
