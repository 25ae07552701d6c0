package org.toesim.host.stack;

/**
 * The plain-NIC offloads the stack can use.
 *
 * @param txChecksumOffload the device computes transmit checksums
 * @param tsoMaxBytes       largest TCP payload handed to the device in one segment for
 *                          segmentation offload; 0 when the device has no TSO
 */
public record DeviceFeatures(boolean txChecksumOffload, int tsoMaxBytes) {
    /** A device that offloads nothing. */
    public static final DeviceFeatures NONE = new DeviceFeatures(false, 0);

    public DeviceFeatures {
        if (tsoMaxBytes < 0 || tsoMaxBytes > 65495) {
            throw new IllegalArgumentException("tsoMaxBytes " + tsoMaxBytes + " outside 0..65495");
        }
    }

    public boolean tso() {
        return tsoMaxBytes > 0;
    }
}
