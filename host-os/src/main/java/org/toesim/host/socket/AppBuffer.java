package org.toesim.host.socket;

/**
 * An application buffer in host memory: where received data is to be placed (a posted receive
 * buffer, claim 15) or where data to send is read from.
 *
 * @param address  host physical address (inside a region of {@code HostMemory})
 * @param lenBytes length
 */
public record AppBuffer(long address, int lenBytes) {
    public AppBuffer {
        if (lenBytes <= 0) {
            throw new IllegalArgumentException("buffer length must be > 0, got " + lenBytes);
        }
    }

    /** The sub-buffer {@code [offsetBytes, offsetBytes + len)}. */
    public AppBuffer slice(int offsetBytes, int len) {
        if (offsetBytes < 0 || len <= 0 || offsetBytes + len > lenBytes) {
            throw new IllegalArgumentException("slice " + offsetBytes + "+" + len + " outside " + lenBytes);
        }
        return new AppBuffer(address + offsetBytes, len);
    }
}
