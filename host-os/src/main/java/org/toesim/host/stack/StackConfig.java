package org.toesim.host.stack;

import org.toesim.nic.frame.MacAddress;
import org.toesim.tcp.engine.TcpConfig;

/**
 * One host stack's identity and TCP settings.
 *
 * @param name               component name, e.g. {@code "hostA"} (random streams, traces)
 * @param hostId             small number distinguishing hosts in frame ids
 * @param localIp            the host's IPv4 address
 * @param localMac           the device's MAC
 * @param tcp                settings for every connection
 * @param ephemeralLowPort   first ephemeral port (RFC 6335 §6: 49152)
 * @param ephemeralHighPort  last ephemeral port (65535)
 * @param txQueueLenFrames   the interface's transmit queue (qdisc) limit in packets, Linux's
 *                           {@code txqueuelen} (default {@value #DEFAULT_TXQUEUELEN}): frames the
 *                           device refused wait there; one more is dropped at the tail
 */
public record StackConfig(String name, int hostId, int localIp, long localMac, TcpConfig tcp, int ephemeralLowPort,
                          int ephemeralHighPort, int txQueueLenFrames) {
    /** Linux's default txqueuelen for Ethernet devices (ether_setup, DEFAULT_TX_QUEUE_LEN). */
    public static final int DEFAULT_TXQUEUELEN = 1000;

    public StackConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("stack name must not be blank");
        }
        MacAddress.check(localMac);
        if (tcp == null) {
            throw new IllegalArgumentException("tcp config missing");
        }
        if (ephemeralLowPort < 1 || ephemeralHighPort > 0xFFFF || ephemeralLowPort > ephemeralHighPort) {
            throw new IllegalArgumentException("bad ephemeral range " + ephemeralLowPort + ".." + ephemeralHighPort);
        }
        if (txQueueLenFrames < 1) {
            throw new IllegalArgumentException("txqueuelen " + txQueueLenFrames + " < 1");
        }
        if (hostId < 0 || hostId > 0xFFFF) {
            throw new IllegalArgumentException("hostId " + hostId + " outside 0..65535");
        }
    }

    /** First port of the RFC 6335 §6 ephemeral range. */
    public static final int EPHEMERAL_LOW_PORT = 49152;
    /** Last port of the RFC 6335 §6 ephemeral range. */
    public static final int EPHEMERAL_HIGH_PORT = 65535;
    /** Ports in the default ephemeral range: connections one host can hold to one destination address and port. */
    public static final int EPHEMERAL_PORTS = EPHEMERAL_HIGH_PORT - EPHEMERAL_LOW_PORT + 1;

    /** RFC 6335 ephemeral range and the given TCP settings. */
    public static StackConfig of(String name, int hostId, int localIp, long localMac, TcpConfig tcp) {
        return new StackConfig(name, hostId, localIp, localMac, tcp, EPHEMERAL_LOW_PORT, EPHEMERAL_HIGH_PORT,
                DEFAULT_TXQUEUELEN);
    }

    /** This configuration with another transmit queue limit. */
    public StackConfig withTxQueueLen(int frames) {
        return new StackConfig(name, hostId, localIp, localMac, tcp, ephemeralLowPort, ephemeralHighPort, frames);
    }
}
