package org.toesim.tcp.segment;

import org.toesim.core.trace.TraceText;

/**
 * A TCP connection's identity from one side's point of view: local and remote IPv4 address
 * (as unsigned 32-bit values in an int) and ports.
 */
public record FourTuple(int localIp, int localPort, int remoteIp, int remotePort) implements TraceText {
    public FourTuple {
        if (localPort < 0 || localPort > 0xFFFF || remotePort < 0 || remotePort > 0xFFFF) {
            throw new IllegalArgumentException("port out of range in " + localPort + "/" + remotePort);
        }
    }

    /** The same connection seen from the other end. */
    public FourTuple reversed() {
        return new FourTuple(remoteIp, remotePort, localIp, localPort);
    }

    /** Dotted-quad form of an address held in an int. */
    public static String ipToString(int ip) {
        return ((ip >>> 24) & 0xFF) + "." + ((ip >>> 16) & 0xFF) + "." + ((ip >>> 8) & 0xFF) + "." + (ip & 0xFF);
    }

    /** {@code local>remote}, e.g. {@code 10.0.0.2:5001>10.0.0.1:40000}, as traces print it. */
    @Override
    public String traceText() {
        return ipToString(localIp) + ":" + localPort + ">" + ipToString(remoteIp) + ":" + remotePort;
    }

    @Override
    public String toString() {
        return ipToString(localIp) + ":" + localPort + "-" + ipToString(remoteIp) + ":" + remotePort;
    }
}
