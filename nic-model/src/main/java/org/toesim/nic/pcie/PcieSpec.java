package org.toesim.nic.pcie;

import java.math.BigInteger;
import java.util.Objects;
import org.toesim.core.units.Units;

/**
 * Configuration of one PCIe link.
 *
 * <h2>Per-TLP overhead (defaults)</h2>
 * <pre>
 *   physical framing (STP/END, Gen3 STP token share)  2 B
 *   data-link sequence number                         2 B
 *   TLP header: memory request, 64-bit address (4DW) 16 B  | completion (3DW) 12 B
 *   LCRC                                              4 B
 *   ------------------------------------------------------------------------------
 *   memory read/write request TLP                     24 B | completion with data 20 B
 * </pre>
 *
 * <h2>Where 52.9 and 42.1 Gbit/s come from (Gen3 x8, MPS 256)</h2>
 * <pre>
 *   raw            = 8 GT/s * 8 lanes * 128/130                      = 63.015 Gbit/s
 *   TLP layer      = raw * (1 - 8/203 - 8/203 - 4/1538)  (DllpOverhead) = 57.885 Gbit/s
 *   256-B writes   = 57.885 * 256 / (256 + 24)                        = 52.92 Gbit/s
 *    64-B writes   = 57.885 *  64 / ( 64 + 24)                        = 42.10 Gbit/s
 * </pre>
 * TLP overhead alone (24 B) would give 57.6 Gbit/s for 256-B writes; the missing 8 % is the ACK
 * and flow-control DLLPs the receiver sends at the spec's recommended interval (203 symbol
 * times for x8/MPS 256) plus SKIP ordered sets. Set {@code dllpOverhead} false to drop it.
 *
 * @param generation            PCIe generation (line rate and encoding)
 * @param lanes                 link width: 1, 2, 4, 8, 16 or 32
 * @param mpsBytes              max payload size: 128..4096, a power of two
 * @param mrrsBytes             max read request size: 128..4096, a power of two
 * @param requestOverheadBytes  wire bytes per memory request TLP besides its payload
 * @param completionOverheadBytes wire bytes per completion TLP besides its payload
 * @param dllpOverhead          charge ACK/UpdateFC DLLPs and SKIPs (see {@link DllpOverhead})
 * @param readRoundTripPs       fixed part of a read: request leaves the device until the
 *                              completion starts arriving, with zero-length serialization
 *                              (link flight both ways plus root complex and memory); each
 *                              direction's one-way latency is half of it
 */
public record PcieSpec(PcieGeneration generation, int lanes, int mpsBytes, int mrrsBytes, int requestOverheadBytes,
        int completionOverheadBytes, boolean dllpOverhead, long readRoundTripPs) {

    /** Default read round trip, 900 ns. */
    public static final long DEFAULT_READ_ROUND_TRIP_PS = 900 * Units.PS_PER_NS;
    private static final BigInteger ATTOS_PER_S = BigInteger.TEN.pow(18);

    public PcieSpec {
        Objects.requireNonNull(generation, "generation");
        DllpOverhead.intervalBytes(generation, lanes, mpsBytes); // validates lanes and MPS
        if (Integer.bitCount(mrrsBytes) != 1 || mrrsBytes < 128 || mrrsBytes > 4096) {
            throw new IllegalArgumentException("MRRS must be a power of two in [128, 4096], got " + mrrsBytes);
        }
        if (requestOverheadBytes < 0 || completionOverheadBytes < 0) {
            throw new IllegalArgumentException("TLP overheads must be >= 0");
        }
        if (readRoundTripPs < 0) {
            throw new IllegalArgumentException("read round trip must be >= 0 ps, got " + readRoundTripPs);
        }
    }

    /** Gen3 x8, MPS 256, MRRS 512, 24/20 B TLP overhead, DLLP overhead on, 900 ns read round trip. */
    public static PcieSpec gen3x8() {
        return new PcieSpec(PcieGeneration.GEN3, 8, 256, 512, 24, 20, true, DEFAULT_READ_ROUND_TRIP_PS);
    }

    /** Defaults of {@link #gen3x8()} with another generation and width. */
    public static PcieSpec of(PcieGeneration generation, int lanes) {
        return gen3x8().withLink(generation, lanes);
    }

    public PcieSpec withLink(PcieGeneration gen, int laneCount) {
        return new PcieSpec(gen, laneCount, mpsBytes, mrrsBytes, requestOverheadBytes, completionOverheadBytes,
                dllpOverhead, readRoundTripPs);
    }

    public PcieSpec withMps(int mps) {
        return new PcieSpec(generation, lanes, mps, mrrsBytes, requestOverheadBytes, completionOverheadBytes,
                dllpOverhead, readRoundTripPs);
    }

    public PcieSpec withMrrs(int mrrs) {
        return new PcieSpec(generation, lanes, mpsBytes, mrrs, requestOverheadBytes, completionOverheadBytes,
                dllpOverhead, readRoundTripPs);
    }

    public PcieSpec withDllpOverhead(boolean on) {
        return new PcieSpec(generation, lanes, mpsBytes, mrrsBytes, requestOverheadBytes, completionOverheadBytes,
                on, readRoundTripPs);
    }

    public PcieSpec withReadRoundTripPs(long roundTripPs) {
        return new PcieSpec(generation, lanes, mpsBytes, mrrsBytes, requestOverheadBytes, completionOverheadBytes,
                dllpOverhead, roundTripPs);
    }

    /** One-way flight latency of each direction: half the read round trip. */
    public long oneWayLatencyPs() {
        return readRoundTripPs / 2;
    }

    /** Raw data rate after line encoding, rounded down to a whole bit per second. */
    public long rawRateBitsPerSec() {
        return generation.megaTransfersPerSec() * 1_000_000L * lanes * generation.encodingDataBits()
                / generation.encodingLineBits();
    }

    /**
     * Time one byte of TLP traffic occupies the link, in attoseconds (1e-6 ps), rounded up:
     * {@code 8 * lineBits/dataBits / (lanes * rate)}, divided by the DLLP efficiency when on.
     * Kept in attoseconds so per-transfer times stay exact integer arithmetic.
     */
    public long attosPerWireByte() {
        long effNum = dllpOverhead ? DllpOverhead.efficiencyNumerator(generation, lanes, mpsBytes) : 1;
        long effDen = dllpOverhead ? DllpOverhead.efficiencyDenominator(generation, lanes, mpsBytes) : 1;
        BigInteger num = ATTOS_PER_S.multiply(BigInteger.valueOf(8L * generation.encodingLineBits() * effDen));
        BigInteger den = BigInteger.valueOf(generation.encodingDataBits() * generation.megaTransfersPerSec()
                * 1_000_000L * lanes).multiply(BigInteger.valueOf(effNum));
        BigInteger[] qr = num.divideAndRemainder(den);
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }
}
