package org.toesim.host.driver;

/**
 * What the driver knows about a received frame besides its content.
 *
 * @param queue            receive queue the frame came from
 * @param lenBytes         frame length the NIC reported
 * @param checksumVerified the NIC verified the IP/TCP checksums (the stack skips its own)
 * @param lroSegments      wire segments the NIC merged into this frame (1 without LRO)
 */
public record RxInfo(int queue, int lenBytes, boolean checksumVerified, int lroSegments) {
}
