package org.toesim.core.event;

import java.util.List;

/** Combines several listeners into one, called in the given order. */
public final class EventListeners {
    private EventListeners() {
    }

    /** A listener that forwards to each of {@code listeners} in order. */
    public static EventListener of(List<? extends EventListener> listeners) {
        EventListener[] all = listeners.toArray(new EventListener[0]);
        if (all.length == 1) {
            return all[0];
        }
        return new EventListener() {
            @Override
            public void beforeEvent(Event event, long nowPs) {
                for (EventListener l : all) {
                    l.beforeEvent(event, nowPs);
                }
            }

            @Override
            public void afterEvent(Event event, long nowPs) {
                for (EventListener l : all) {
                    l.afterEvent(event, nowPs);
                }
            }
        };
    }
}
