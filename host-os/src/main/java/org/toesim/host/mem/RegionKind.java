package org.toesim.host.mem;

/** What a region of host memory is used for (labels reports and error messages). */
public enum RegionKind {
    /** A NIC descriptor ring (receive or transmit). */
    DESCRIPTOR_RING,
    /** A completion ring the adapter writes. */
    COMPLETION_RING,
    /** A ring of offload commands the host posts to the adapter. */
    COMMAND_RING,
    /** Kernel socket buffers (host-stack receive/transmit data). */
    SOCKET_BUFFER,
    /** Application buffers (posted receive buffers, data to send). */
    APPLICATION_BUFFER,
    /** Connection state handed between host and adapter (CCB snapshots). */
    CONNECTION_STATE,
    /** Anything else. */
    OTHER
}
