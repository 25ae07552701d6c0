package org.toesim.nic.pcie;

/**
 * Link bandwidth taken by data-link-layer packets and clock compensation, as a fraction of the
 * raw (post-encoding) rate.
 *
 * <p>The approximation is the one of Neugebauer et al., "Understanding PCIe performance for end
 * host networking" (SIGCOMM 2018) and its pcie-model: the receiver returns one ACK DLLP and one
 * UpdateFC DLLP (8 bytes each: 2 B physical framing, 4 B DLLP, 2 B CRC) per
 * {@code limit} bytes of link time, where {@code limit} is the spec's recommended Ack latency /
 * UpdateFC interval for the link width and MPS (PCIe Base Spec 5.0, Tables 3-7, 3-8 and 3-9;
 * the UpdateFC tables 2-46..2-48 hold the same values), and every lane sends a 4-byte SKIP
 * ordered set per 1538 bytes. The usable fraction is therefore
 * <pre>
 *   efficiency = 1 - 8/limit - 8/limit - 4/1538 = (1538*limit - 16*1538 - 4*limit) / (1538*limit)
 *   Gen3 x8, MPS 256: limit = 203, efficiency = 286794/312214 = 0.91858
 * </pre>
 */
public final class DllpOverhead {
    static final int DLLP_BYTES = 8;
    static final int SKIP_BYTES = 4;
    static final int SKIP_INTERVAL_BYTES = 1538;
    private static final int[] WIDTHS = {1, 2, 4, 8, 16, 32};
    private static final int[] MPS_SIZES = {128, 256, 512, 1024, 2048, 4096};
    /** [width][mps] for 2.5 GT/s. */
    private static final int[][] GEN1 = {
        {237, 416, 559, 1071, 2095, 4143},
        {128, 217, 289, 545, 1057, 2081},
        {73, 118, 154, 282, 538, 1050},
        {67, 107, 86, 150, 278, 534},
        {48, 72, 86, 150, 278, 534},
        {33, 45, 52, 84, 148, 276},
    };
    /** [width][mps] for 5 GT/s. */
    private static final int[][] GEN2 = {
        {288, 467, 610, 1122, 2146, 4194},
        {179, 268, 340, 596, 1108, 2132},
        {124, 169, 205, 333, 589, 1101},
        {118, 158, 137, 201, 329, 585},
        {99, 123, 137, 201, 329, 585},
        {84, 96, 103, 135, 199, 327},
    };
    /** [width][mps] for 8 GT/s and above. */
    private static final int[][] GEN3_PLUS = {
        {333, 512, 655, 1167, 2191, 4239},
        {224, 313, 385, 641, 1153, 2177},
        {169, 214, 250, 378, 634, 1146},
        {163, 203, 182, 246, 374, 630},
        {144, 168, 182, 246, 374, 630},
        {129, 141, 148, 180, 244, 372},
    };

    private DllpOverhead() {
    }

    /** The spec's ACK / UpdateFC interval in bytes (symbol times) for this link. */
    public static int intervalBytes(PcieGeneration generation, int lanes, int mpsBytes) {
        int[][] table = switch (generation) {
            case GEN1 -> GEN1;
            case GEN2 -> GEN2;
            default -> GEN3_PLUS;
        };
        return table[indexOf(WIDTHS, lanes, "lane count")][indexOf(MPS_SIZES, mpsBytes, "MPS")];
    }

    /** Numerator of the usable fraction (see the class comment); the denominator is {@link #efficiencyDenominator}. */
    public static long efficiencyNumerator(PcieGeneration generation, int lanes, int mpsBytes) {
        long limit = intervalBytes(generation, lanes, mpsBytes);
        return SKIP_INTERVAL_BYTES * limit - 2L * DLLP_BYTES * SKIP_INTERVAL_BYTES - SKIP_BYTES * limit;
    }

    /** Denominator of the usable fraction. */
    public static long efficiencyDenominator(PcieGeneration generation, int lanes, int mpsBytes) {
        return (long) SKIP_INTERVAL_BYTES * intervalBytes(generation, lanes, mpsBytes);
    }

    private static int indexOf(int[] values, int value, String what) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException(what + " " + value + " not one of " + java.util.Arrays.toString(values));
    }
}
