package org.toesim.nic.frame;

/** Bytes that do not form an Ethernet II / IPv4 / TCP frame the codec understands. */
public final class FrameFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FrameFormatException(String message) {
        super(message);
    }
}
