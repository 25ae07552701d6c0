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
    HARDWARE_FAILURE,
    /**
     * An {@link ToeCommand.UpdateOffload} asks for a change the adapter cannot make on a live
     * connection (a new send MSS: its TCP engine fixes the MSS when the CCB is installed). Nothing
     * of the update was applied; the host may resend it with the current value, or flush the
     * connection and continue it on the host with the new MSS.
     */
    UNSUPPORTED_UPDATE
}
