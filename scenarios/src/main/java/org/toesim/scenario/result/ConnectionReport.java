package org.toesim.scenario.result;

/**
 * One TCP connection's results.
 *
 * @param id                e.g. {@code "w0.c0"} (workload, connection number)
 * @param from              host that opened it
 * @param to                host that accepted it
 * @param bytesDelivered    payload bytes delivered in order to the receiving application (since warm-up)
 * @param bytesExpected     payload bytes this connection delivers when complete, counted like
 *                          bytesDelivered (after warm-up): finished connections have them equal
 * @param finished          whether this connection's part of the workload finished
 * @param goodputBitsPerSec bytesDelivered * 8 over the connection's lifetime after warm-up
 * @param retransmits       segments retransmitted (both directions)
 * @param offloaded         whether it was handed to a TOE at some point
 * @param flushes           times its state was handed back from the card to the host
 * @param integrity         {@code "ok"} or a description of the first mismatch
 * @param waitingFor        for an unfinished connection, what each end was waiting for when the
 *                          run ended (state, timers, buffers, handoff); null when finished
 * @param ceReceived        data segments either end received with CE in the IP header (RFC 3168 §5:
 *                          a queue marked them instead of dropping); 0 without ECN
 * @param ecnReductions     window reductions either end made on ECN-Echo (RFC 3168 §6.1.2)
 */
public record ConnectionReport(String id, String from, String to, long bytesDelivered, long bytesExpected,
                               boolean finished, double goodputBitsPerSec, long retransmits, boolean offloaded,
                               long flushes, String integrity, String waitingFor, long ceReceived,
                               long ecnReductions) {
    /** The integrity value of a connection whose delivered bytes all matched. */
    public static final String INTEGRITY_OK = "ok";

    /** A finished connection that delivered everything it had to (hand-built results and tests). */
    public ConnectionReport(String id, String from, String to, long bytesDelivered, double goodputBitsPerSec,
                            long retransmits, boolean offloaded, long flushes, String integrity) {
        this(id, from, to, bytesDelivered, bytesDelivered, true, goodputBitsPerSec, retransmits, offloaded, flushes,
                integrity, null, 0, 0);
    }
}
