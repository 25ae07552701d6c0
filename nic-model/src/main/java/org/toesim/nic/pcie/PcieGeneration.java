package org.toesim.nic.pcie;

/**
 * PCIe generations: per-lane transfer rate and line encoding. Gen1-2 use 8b/10b (8 data bits in
 * 10 line bits), Gen3-5 use 128b/130b.
 */
public enum PcieGeneration {
    GEN1(2_500, 8, 10),
    GEN2(5_000, 8, 10),
    GEN3(8_000, 128, 130),
    GEN4(16_000, 128, 130),
    GEN5(32_000, 128, 130);

    private final long megaTransfersPerSec;
    private final int encodingDataBits;
    private final int encodingLineBits;

    PcieGeneration(long megaTransfersPerSec, int encodingDataBits, int encodingLineBits) {
        this.megaTransfersPerSec = megaTransfersPerSec;
        this.encodingDataBits = encodingDataBits;
        this.encodingLineBits = encodingLineBits;
    }

    /** Line rate of one lane in mega-transfers (line bits) per second. */
    public long megaTransfersPerSec() {
        return megaTransfersPerSec;
    }

    /** Data bits per encoding block (8 or 128). */
    public int encodingDataBits() {
        return encodingDataBits;
    }

    /** Line bits per encoding block (10 or 130). */
    public int encodingLineBits() {
        return encodingLineBits;
    }

    /** The generation numbered {@code n} (1-5). */
    public static PcieGeneration of(int n) {
        if (n < 1 || n > values().length) {
            throw new IllegalArgumentException("PCIe generation must be 1-5, got " + n);
        }
        return values()[n - 1];
    }
}
