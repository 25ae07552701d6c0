package org.toesim.host.driver;

import org.toesim.host.cpu.WorkHandler;
import org.toesim.host.pcie.HostRing;
import org.toesim.host.pcie.RootComplex;
import org.toesim.nic.device.Registers;

/**
 * The TAIL doorbell of one host-produced ring, rung once per batch (Linux {@code xmit_more}):
 * each produced descriptor's driver work is a CPU item whose completion calls
 * {@link #onWorkDone}; only the last outstanding item of a batch writes the register, with the
 * ring's tail at that instant.
 *
 * <pre>
 *   produce d1, d2, d3 (same instant) -&gt; items i1 i2 i3 queued on the core
 *   i1 done, i2 done: outstanding &gt; 0, no write
 *   i3 done: MmioWrite(TAIL = 3)        one doorbell for the batch
 * </pre>
 */
final class Doorbell implements WorkHandler {
    private final RootComplex rc;
    private final HostRing ring;
    private final long tailOffset;
    private int outstanding;
    private int rungTail;
    private long doorbells;

    /** The TAIL doorbell of {@code ring} of queue pair {@code queue}. */
    Doorbell(RootComplex rc, HostRing ring, int queue) {
        this.rc = rc;
        this.ring = ring;
        this.tailOffset = Registers.ring(queue, ring.id(), Registers.RING_TAIL);
    }

    /** A descriptor was produced and its driver work item queued. */
    void begin() {
        outstanding++;
    }

    @Override
    public void onWorkDone(int core, int arg) {
        outstanding--;
        ringIfIdle();
    }

    /** Rings now unless a batch is still being built (its last item will ring). */
    void ringIfIdle() {
        if (outstanding == 0 && ring.tail() != rungTail) {
            rungTail = ring.tail();
            doorbells++;
            rc.mmioWrite(tailOffset, 4, rungTail);
        }
    }

    long doorbells() {
        return doorbells;
    }
}
