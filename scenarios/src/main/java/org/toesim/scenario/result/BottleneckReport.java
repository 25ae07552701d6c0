package org.toesim.scenario.result;

import java.util.List;

/**
 * What limited one workload, and how busy every resource on its path was while it ran: the
 * bottleneck report of {@code summary.json} ({@code bottlenecks}, one per workload) and the
 * line {@code run} and the default experiment print under their tables.
 *
 * <p>The window is the workload's transfer phase: from its start (or the warm-up boundary, if
 * later) to the poll that found every one of its connections done (polled every 10 us), or the
 * end of the run. Rules, in order:
 * <ol>
 *   <li>a resource at {@value #SATURATED_PERCENT} % or more busy (the busiest such: a wire,
 *       PCIe direction, card core or host core) is the limit;</li>
 *   <li>otherwise the TCP senders' time: more than half of it held by the peer's receive window
 *       is "receive window", by the congestion window "congestion window";</li>
 *   <li>otherwise the workload itself: round trips (request-response: one request outstanding
 *       per connection), a bulk sender's application that kept TCP supplied less than 90 % of its
 *       lifetime or left it with everything sent more than half its busy time ({@code application}),
 *       the offered load (paced streams, short connections arriving at a rate,
 *       when at least 90 % of it was delivered), or none found (saying what was delivered).</li>
 * </ol>
 *
 * @param workload   workload name
 * @param type       workload type ({@code bulk}, {@code requestResponse}, ...)
 * @param startPs    start of the window
 * @param endPs      end of the window
 * @param finished   whether every connection of the workload finished inside the run
 * @param limitedBy  the limit's category: {@code wire}, {@code pcie}, {@code card}, {@code hostCpu},
 *                   {@code receiveWindow}, {@code congestionWindow}, {@code pacing}, {@code roundTrips}, {@code application},
 *                   {@code offeredLoad} or {@code none}
 * @param line       the limit in words, with its figure
 * @param resources  every resource on the workload's path, busiest first
 * @param sendLimits the workload's TCP senders' time, or null where no sender socket was measured
 */
public record BottleneckReport(String workload, String type, long startPs, long endPs, boolean finished,
                               String limitedBy, String line, List<ResourceUse> resources, SendShares sendLimits) {
    /** Busy at or above this percentage counts as saturated. */
    public static final int SATURATED_PERCENT = 90;

    public BottleneckReport {
        resources = List.copyOf(resources);
    }

    /**
     * One resource's utilisation over the window.
     *
     * @param resource    e.g. {@code client.core1}, {@code server.pcie.toHost}, {@code server.card.core0},
     *                    {@code l1 client->server}
     * @param kind        {@code hostCore}, {@code pcieToHost}, {@code pcieToDevice}, {@code cardCore}, {@code wire}
     * @param utilization busy fraction 0..1
     */
    public record ResourceUse(String resource, String kind, double utilization) {
    }

    /**
     * The workload's TCP senders' time (summed over its connections), from the engines'
     * {@code sendLimits}.
     *
     * @param busyPs                time with data in flight or queued
     * @param cwndLimitedFraction   share of it the congestion window held data back
     * @param rwndLimitedFraction   share of it the peer's receive window held data back
     * @param pacingLimitedFraction share of it the sender's pacing held data back (BBR, {@code tcp.pacing})
     */
    public record SendShares(long busyPs, double cwndLimitedFraction, double rwndLimitedFraction,
                             double pacingLimitedFraction) {
    }
}
