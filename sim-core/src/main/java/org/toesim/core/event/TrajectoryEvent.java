package org.toesim.core.event;

/**
 * One executed event as the {@link TrajectoryDigest} sees it.
 *
 * @param number the event's position in the run, counted from 1
 * @param timePs when it ran
 * @param owner  the component it belongs to ({@link Event#owner()})
 * @param kind   what it does ({@link Event#kind()})
 */
public record TrajectoryEvent(long number, long timePs, String owner, String kind) {
}
