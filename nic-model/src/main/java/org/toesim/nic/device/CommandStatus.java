package org.toesim.nic.device;

/** Outcome of a command, a send or a receive buffer. */
public enum CommandStatus {
    /** Done as asked. */
    SUCCESS,
    /** The adapter has no free CCB slot (initiate offload). */
    NO_RESOURCES,
    /** The handle names no connection the adapter holds. */
    UNKNOWN_HANDLE,
    /** The command is malformed or exceeds a {@link Capability} limit. */
    INVALID_REQUEST,
    /** The connection was flushed or uploaded before the request finished (buffer returned). */
    FLUSHED,
    /** The adapter cannot offload at all. */
    NOT_SUPPORTED,
    /** The adapter failed. */
    HARDWARE_FAILURE
}
