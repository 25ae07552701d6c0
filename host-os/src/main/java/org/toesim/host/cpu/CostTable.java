package org.toesim.host.cpu;

/**
 * Host CPU cost of each piece of network work, in cycles (per event) or cycles per byte. The
 * host stack, driver and offload manager charge these through {@link HostCpu}; the table does
 * not know who calls it.
 *
 * <h2>Defaults and how they were calibrated</h2>
 * The target is the rule of thumb examined by Foong et al., "TCP Performance Re-visited"
 * (ISPASS 2003, Linux 2.4 on ~2.4 GHz Pentium 4 class servers with gigabit adapters): receiving
 * bulk TCP data costs about 1 Hz of CPU per bit/s, i.e. ~1 cycle per payload bit, ~8 cycles per
 * byte. The split between per-packet and per-byte costs follows the structure of the classic
 * analyses rather than any one measured table:
 * <ul>
 *   <li>Clark, Jacobson, Romkey and Salwen, "An Analysis of TCP Processing Overhead" (IEEE
 *       Communications Magazine, 1989): the TCP/IP common path itself is a few hundred
 *       instructions per packet; buffer management, interrupts and the operating system around
 *       it, and the per-byte operations (copy, checksum), dominate.</li>
 *   <li>Foong et al. (2003): receive is more expensive than transmit; copies and interrupts are
 *       the largest shares; interrupt moderation changes the per-packet share a lot.</li>
 *   <li>Regnier et al., "TCP Onloading for Data Center Servers" (IEEE Computer, Nov. 2004):
 *       payload that arrives by DMA is not in the cache, so the first pass over it (checksum or
 *       copy) pays the memory misses; copy cost is set by memory latency, not instruction count.</li>
 * </ul>
 * The numbers below are <em>our calibration</em> within that structure, chosen so the profile
 * {@link BulkReceiveProfile#FOONG_2003} comes to ~0.98 cycles per payload bit:
 * <pre>
 *  per 1448-byte segment, 8 segments per interrupt, delayed ACK every 2nd segment,
 *  64 KiB recv() calls, one context switch per call, no checksum offload:
 *    interrupt      3000 / 8                 =   375.0
 *    driver         600 per rx descriptor    =   600.0
 *    protocol rx    2600                     =  2600.0
 *    ACK            1600 / 2                 =   800.0
 *    checksum       1.5  cycles/B x 1448     =  2172.0
 *    copy           3.25 cycles/B x 1448     =  4706.0
 *    system call    2000 x 1448 / 65536      =    44.2
 *    context switch 4000 x 1448 / 65536      =    88.4
 *                                       total = 11385.6 cycles per 11584 payload bits
 *  = 0.983 cycles/bit = 7.86 cycles/byte; per-byte share 60% (6878), per-packet 40% (4508).
 *  At 1 Gbit/s of payload that is 0.983 GHz of one core.
 * </pre>
 * Transmit costs less per packet (no interrupt per packet, no buffer refill); offload command,
 * completion and descriptor costs are of the order of a driver descriptor plus one uncached
 * MMIO doorbell write.
 *
 * @param rxPacketCycles         IP + TCP input of one data segment, including socket-buffer
 *                               management and queueing to the socket
 * @param txPacketCycles         TCP + IP output of one segment
 * @param copyCyclesPerByte      copy between kernel and user buffers (cache-cold source)
 * @param checksumCyclesPerByte  software Internet checksum (RFC 1071) when the NIC does not offload it
 * @param interruptCycles        interrupt entry and exit (one per interrupt, not per packet)
 * @param syscallCycles          system call entry/exit and socket-layer dispatch
 * @param contextSwitchCycles    switching to a woken thread
 * @param descriptorCycles       driver work per descriptor (refill, post, clean)
 * @param offloadCommandCycles   building and posting one offload command (incl. doorbell)
 * @param completionCycles       processing one completion entry from the adapter
 * @param ackCycles              processing a received pure ACK, or generating one
 */
public record CostTable(long rxPacketCycles, long txPacketCycles, double copyCyclesPerByte,
                        double checksumCyclesPerByte, long interruptCycles, long syscallCycles,
                        long contextSwitchCycles, long descriptorCycles, long offloadCommandCycles,
                        long completionCycles, long ackCycles) {

    public CostTable {
        requireNonNegative("rxPacketCycles", rxPacketCycles);
        requireNonNegative("txPacketCycles", txPacketCycles);
        requireNonNegative("interruptCycles", interruptCycles);
        requireNonNegative("syscallCycles", syscallCycles);
        requireNonNegative("contextSwitchCycles", contextSwitchCycles);
        requireNonNegative("descriptorCycles", descriptorCycles);
        requireNonNegative("offloadCommandCycles", offloadCommandCycles);
        requireNonNegative("completionCycles", completionCycles);
        requireNonNegative("ackCycles", ackCycles);
        if (!(copyCyclesPerByte >= 0) || !(checksumCyclesPerByte >= 0)) {
            throw new IllegalArgumentException("per-byte costs must be >= 0, got copy " + copyCyclesPerByte
                    + ", checksum " + checksumCyclesPerByte);
        }
    }

    /** The calibrated defaults documented above: {@link #foong2003()}. */
    public static CostTable defaults() {
        return foong2003();
    }

    /**
     * The 2003 calibration documented above (Linux 2.4, Pentium 4 class, gigabit adapters):
     * ~1 cycle per received payload bit.
     */
    public static CostTable foong2003() {
        return new CostTable(2600, 2000, 3.25, 1.5, 3000, 2000, 4000, 600, 1500, 800, 1600);
    }

    /**
     * A current server core (Linux 5.x/6.x, Xeon class at 3.4 GHz, a 100 Gbit/s NIC with
     * checksum offload, TSO, LRO standing in for GRO, DDIO). Calibrated, like
     * {@link #foong2003()}, to one published figure with the per-packet / per-byte split of the
     * literature rather than to a measured table (sources and the calibration run:
     * {@code docs/hardware-profiles.md}): Cai et al., "Understanding Host Network Stack
     * Overheads" (SIGCOMM 2021): one long flow with TSO/GRO, jumbo frames and aRFS reaches about
     * 42 Gbit/s with the receiving core saturated, and the kernel-to-user copy is the largest
     * cost, about half of that core's cycles (DMA'd data is mostly in the LLC with DDIO, so the
     * copy runs at cache speed, ~0.3 cycles per byte, where 2003's paid the memory misses).
     * Per-packet costs are per GRO/TSO aggregate, of the order of a thousand cycles: the TCP/IP
     * path itself is short (Clark et al. 1989), and interrupts are few under NAPI.
     */
    public static CostTable modern() {
        return new CostTable(2000, 1800, 0.32, 0.25, 2000, 1000, 3000, 800, 1000, 400, 800);
    }

    /** Cycles to copy {@code lenBytes} (rounded to the nearest cycle). */
    public long copyCycles(long lenBytes) {
        return Math.round(lenBytes * copyCyclesPerByte);
    }

    /** Cycles to checksum {@code lenBytes} in software (rounded to the nearest cycle). */
    public long checksumCycles(long lenBytes) {
        return Math.round(lenBytes * checksumCyclesPerByte);
    }

    /** This table with a different copy cost. */
    public CostTable withCopyCyclesPerByte(double cyclesPerByte) {
        return new CostTable(rxPacketCycles, txPacketCycles, cyclesPerByte, checksumCyclesPerByte, interruptCycles,
                syscallCycles, contextSwitchCycles, descriptorCycles, offloadCommandCycles, completionCycles, ackCycles);
    }

    /** This table with a different software checksum cost. */
    public CostTable withChecksumCyclesPerByte(double cyclesPerByte) {
        return new CostTable(rxPacketCycles, txPacketCycles, copyCyclesPerByte, cyclesPerByte, interruptCycles,
                syscallCycles, contextSwitchCycles, descriptorCycles, offloadCommandCycles, completionCycles, ackCycles);
    }

    /** This table with a different interrupt entry/exit cost. */
    public CostTable withInterruptCycles(long cycles) {
        return new CostTable(rxPacketCycles, txPacketCycles, copyCyclesPerByte, checksumCyclesPerByte, cycles,
                syscallCycles, contextSwitchCycles, descriptorCycles, offloadCommandCycles, completionCycles, ackCycles);
    }

    /**
     * Expected host cycles per received segment for a bulk-receive {@code profile}: the
     * analytic form of the table above (amortised interrupt, ACK, system call and context
     * switch; checksum only without offload).
     */
    public double bulkReceiveCyclesPerSegment(BulkReceiveProfile profile) {
        int mss = profile.mssBytes();
        double segmentsPerCall = (double) profile.bytesPerRecvCall() / mss;
        return (double) interruptCycles / profile.segmentsPerInterrupt()
                + descriptorCycles
                + rxPacketCycles
                + (double) ackCycles / profile.segmentsPerAck()
                + (profile.checksumOffload() ? 0 : checksumCycles(mss))
                + copyCycles(mss)
                + (syscallCycles + contextSwitchCycles) / segmentsPerCall;
    }

    private static void requireNonNegative(String what, long cycles) {
        if (cycles < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + cycles);
        }
    }
}
