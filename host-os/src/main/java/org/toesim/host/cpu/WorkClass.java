package org.toesim.host.cpu;

/**
 * Scheduling class of a work item on a host core. When a core becomes free it always takes the
 * oldest item of the highest non-empty class; a running item is never preempted (see
 * {@link HostCpu}). Declaration order is priority order: {@link #INTERRUPT} first.
 *
 * <pre>
 *   INTERRUPT   hard IRQ handler: acknowledge the device, schedule the softirq
 *   SOFTIRQ     protocol processing (NAPI poll, IP/TCP input, ACK generation, timers)
 *   KERNEL      system-call and process-context kernel work (socket send/recv, copies to user)
 *   APPLICATION user-space work of the application threads
 * </pre>
 */
public enum WorkClass {
    /** Hard interrupt handler (top half). */
    INTERRUPT,
    /** Deferred interrupt work: driver poll and protocol processing (Linux softirq/NAPI). */
    SOFTIRQ,
    /** Kernel work in process context: system calls, socket-layer copies. */
    KERNEL,
    /** User-space application work. */
    APPLICATION;

    private static final WorkClass[] VALUES = values();

    /** Number of classes. */
    public static final int COUNT = VALUES.length;

    /** The class with the given ordinal (no array allocation, unlike {@code values()}). */
    public static WorkClass of(int ordinal) {
        return VALUES[ordinal];
    }
}
