package org.toesim.host.app;

/**
 * Outcome of a paced stream.
 *
 * @param chunksSent  chunks whose send call completed
 * @param bytesSent   bytes handed to the socket
 * @param lateChunks  chunk instants at which the previous send had not yet returned (the
 *                    stream fell behind its rate: the chunk went out late)
 */
public record PacedResult(long chunksSent, long bytesSent, long lateChunks) {
}
