package org.toesim.nic.frame;

/**
 * Anything a frame can be handed to: a MAC port's receive side, a link direction, a switch
 * ingress, a capture tap, a NIC. The call happens at simulated time {@code nowPs}, when the
 * frame's last bit reaches the sink. It lives in this package (not {@code net}) so that
 * {@code mac} and {@code net} both use it without a package cycle.
 */
@FunctionalInterface
public interface FrameSink {
    /** Takes {@code frame}, whose last bit arrives at {@code nowPs}. */
    void receive(Frame frame, long nowPs);
}
