package org.toesim.host.offload;

/**
 * Manager-wide counts.
 *
 * @param decisions         policy verdicts asked for
 * @param notPossible       handoffs the adapter record or the card capacity ruled out
 * @param initiated         InitiateOffload commands submitted
 * @param installed         connections the adapter installed
 * @param refused           InitiateOffload answered with anything but SUCCESS (table full: NO_RESOURCES)
 * @param flushes           TerminateOffload commands completed with the CCB returned
 * @param flushFailures     flushes that lost the connection's state
 * @param uploadRequests    upload requests received from the adapter
 * @param heldFrames        segments held by the stack during handoffs
 * @param slowPathFrames    frames of offloaded connections that reached the host
 * @param buffersPosted     receive buffers posted with a handle
 * @param bytesPlaced       payload bytes the adapter placed in posted buffers
 * @param sendsPosted       send requests posted with a handle
 * @param bytesSentAcked    bytes of send requests the peer acknowledged
 * @param creditUpdates     UpdateOffload commands carrying window credit
 * @param statsPolls        QueryOffload commands completed
 * @param indications       adapter indications answered (data indicated with no buffer posted)
 * @param indicatedBytesTaken indicated bytes the sockets took (the rest waited on the adapter)
 */
public record OffloadCounters(long decisions, long notPossible, long initiated, long installed, long refused,
                              long flushes, long flushFailures, long uploadRequests, long heldFrames,
                              long slowPathFrames, long buffersPosted, long bytesPlaced, long sendsPosted,
                              long bytesSentAcked, long creditUpdates, long statsPolls, long indications,
                              long indicatedBytesTaken) {
}
