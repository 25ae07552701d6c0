package org.toesim.host.offload;

/**
 * What happens when the application closes an offloaded connection. The device contract
 * ({@code org.toesim.nic.device.ToeCommand}) has no close command, so the only close an
 * adapter can be told about is a flush: the connection comes back and the host sends the FIN.
 * {@link #UPLOAD_FIRST} is therefore the only mode; the enum exists so a contract with a close
 * command can add {@code CLOSE_ON_CARD} without changing callers.
 */
public enum CloseMode {
    /** Flush the connection back to the host, then close it there (FIN from the host stack). */
    UPLOAD_FIRST
}
