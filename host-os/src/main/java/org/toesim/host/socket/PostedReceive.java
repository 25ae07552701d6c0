package org.toesim.host.socket;

/**
 * One application buffer posted for receiving (claim 15): the application names where the data
 * goes. For a host-run connection the kernel copies into it; for an offloaded connection the
 * adapter places payload into it directly and the offload manager reports the placement with
 * {@link Socket#completeAdapterPlacement}.
 */
public final class PostedReceive {
    private final AppBuffer buffer;
    private final boolean waitAll;
    private final ReceiveCallback callback;
    long placedBytes;
    boolean syscallCharged;
    boolean blocked;

    PostedReceive(AppBuffer buffer, boolean waitAll, ReceiveCallback callback) {
        this.buffer = buffer;
        this.waitAll = waitAll;
        this.callback = callback;
    }

    public AppBuffer buffer() {
        return buffer;
    }

    /** True: complete only when full (or at EOF); false: complete once some bytes are placed. */
    public boolean waitAll() {
        return waitAll;
    }

    /** Bytes placed so far. */
    public long placedBytes() {
        return placedBytes;
    }

    /** Room left in the buffer. */
    public long remainingBytes() {
        return buffer.lenBytes() - placedBytes;
    }

    /** Host address of the next byte to place. */
    public long nextAddress() {
        return buffer.address() + placedBytes;
    }

    ReceiveCallback callback() {
        return callback;
    }
}
