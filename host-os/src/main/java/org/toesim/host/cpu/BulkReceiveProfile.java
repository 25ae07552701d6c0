package org.toesim.host.cpu;

/**
 * The shape of a bulk TCP receive, as far as host CPU cost is concerned: segment size, how many
 * segments share an interrupt and an ACK, how much one {@code recv()} call returns, and whether
 * the NIC verifies the checksum.
 *
 * @param mssBytes              payload bytes per segment
 * @param segmentsPerInterrupt  interrupt coalescing: segments per interrupt (>= 1)
 * @param segmentsPerAck        segments per ACK (2 with delayed ACKs, RFC 1122 4.2.3.2)
 * @param bytesPerRecvCall      bytes one {@code recv()} returns (one system call and one
 *                              context switch each)
 * @param checksumOffload       true when the NIC verifies the TCP checksum
 */
public record BulkReceiveProfile(int mssBytes, int segmentsPerInterrupt, int segmentsPerAck,
                                 int bytesPerRecvCall, boolean checksumOffload) {
    /**
     * The profile the {@link CostTable#defaults()} are calibrated against: 1500-byte frames with
     * timestamps (1448-byte MSS), 8 segments per interrupt (gigabit adapters of the time throttled
     * to ~8,000-10,000 interrupts/s, i.e. ~9-11 segments per interrupt at line rate), delayed
     * ACKs, 64 KiB reads, no checksum offload.
     */
    public static final BulkReceiveProfile FOONG_2003 = new BulkReceiveProfile(1448, 8, 2, 65536, false);

    public BulkReceiveProfile {
        if (mssBytes <= 0 || segmentsPerInterrupt <= 0 || segmentsPerAck <= 0 || bytesPerRecvCall <= 0) {
            throw new IllegalArgumentException("bulk receive profile values must be > 0: mss " + mssBytes
                    + ", segments/interrupt " + segmentsPerInterrupt + ", segments/ACK " + segmentsPerAck
                    + ", bytes/recv " + bytesPerRecvCall);
        }
    }
}
