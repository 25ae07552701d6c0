package org.toesim.host.stack;

/**
 * What the device tells the stack about one received frame.
 *
 * @param checksumVerified  the NIC verified the TCP/IP checksums (no software checksum needed)
 * @param coalescedSegments wire segments merged into this frame by large receive offload (1 if none)
 */
public record RxInfo(boolean checksumVerified, int coalescedSegments) {
    /** A plain frame whose checksum the host must verify. */
    public static final RxInfo UNVERIFIED = new RxInfo(false, 1);
    /** A plain frame whose checksum the NIC verified. */
    public static final RxInfo VERIFIED = new RxInfo(true, 1);

    public RxInfo {
        if (coalescedSegments < 1) {
            throw new IllegalArgumentException("coalescedSegments must be >= 1, got " + coalescedSegments);
        }
    }
}
