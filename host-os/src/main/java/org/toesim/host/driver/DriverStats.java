package org.toesim.host.driver;

/**
 * Counters of one driver instance since it was created.
 *
 * @param rxFrames             frames delivered to the {@link FrameReceiver}
 * @param rxBytes              their length
 * @param rxRefillDoorbells    RECEIVE TAIL doorbells (refill batches and posts)
 * @param txFrames             frames accepted by {@link NicDriver#send}
 * @param txBytes              their length
 * @param txReclaimed          transmit buffers freed by completions
 * @param txWireFrames         frames the NIC reported sent for them (more than reclaimed with TSO)
 * @param txQueueFullRefusals  sends refused because the queue was full
 * @param txWakes              times a stopped queue was woken
 * @param txDoorbells          SEND TAIL doorbells
 * @param interrupts           interrupt handler runs
 * @param interruptsWhilePolling interrupts that found the poll already scheduled
 * @param pollRuns             NAPI poll runs (a budget-exhausted run is followed by another)
 * @param budgetExhaustedRuns  runs that stopped at the budget
 * @param entriesProcessed     completion and event entries processed
 * @param headDoorbells        HEAD doorbells of the device-produced rings
 * @param commandsSubmitted    TOE commands submitted
 * @param commandsCompleted    TOE commands completed by the adapter
 * @param commandsTimedOut     TOE commands failed by the timeout
 * @param commandDoorbells     COMMAND TAIL doorbells
 * @param events               device events dispatched
 */
public record DriverStats(long rxFrames, long rxBytes, long rxRefillDoorbells, long txFrames, long txBytes,
        long txReclaimed, long txWireFrames, long txQueueFullRefusals, long txWakes, long txDoorbells, long interrupts,
        long interruptsWhilePolling, long pollRuns, long budgetExhaustedRuns, long entriesProcessed,
        long headDoorbells, long commandsSubmitted, long commandsCompleted, long commandsTimedOut,
        long commandDoorbells, long events) {
}
