package org.toesim.core.event;

import org.toesim.core.units.Units;

/**
 * A run stopped because simulated time stood still: more events ran at one instant than
 * {@link Simulator#setMaxEventsPerInstant} allows. Almost always a component re-arming an event
 * at "now" that finds nothing to do and re-arms itself again; the message names the event owner
 * and kind that dominated a sample of the events at that instant, so the user knows where to look.
 */
public final class SimulationLivelockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long timePs;
    private final long eventsAtInstant;
    private final String owner;
    private final String kind;
    private final long sampleEvents;
    private final long dominantEvents;

    /**
     * @param timePs          the instant at which time stood still
     * @param eventsAtInstant events run at that instant when the run was stopped
     * @param owner           owner of the dominating event kind (see {@link Event#owner()})
     * @param kind            the dominating event kind (see {@link Event#kind()})
     * @param sampleEvents    events sampled after the limit was passed
     * @param dominantEvents  how many of them were {@code owner:kind}
     */
    public SimulationLivelockException(long timePs, long eventsAtInstant, String owner, String kind,
                                       long sampleEvents, long dominantEvents) {
        super("livelock at t = " + Units.formatDuration(timePs) + " (" + timePs + " ps): " + eventsAtInstant
                + " events at one simulated instant without time advancing; of the " + sampleEvents
                + " sampled past the limit, " + dominantEvents + " were '" + kind + "' events of '" + owner + "'");
        this.timePs = timePs;
        this.eventsAtInstant = eventsAtInstant;
        this.owner = owner;
        this.kind = kind;
        this.sampleEvents = sampleEvents;
        this.dominantEvents = dominantEvents;
    }

    /** The instant at which time stood still. */
    public long timePs() {
        return timePs;
    }

    /** Events run at that instant when the run was stopped. */
    public long eventsAtInstant() {
        return eventsAtInstant;
    }

    /** Owner (component) of the dominating events. */
    public String owner() {
        return owner;
    }

    /** Kind of the dominating events. */
    public String kind() {
        return kind;
    }

    /** Events sampled after the limit was passed. */
    public long sampleEvents() {
        return sampleEvents;
    }

    /** Sampled events that were {@link #owner()}:{@link #kind()}. */
    public long dominantEvents() {
        return dominantEvents;
    }
}
