package org.toesim.host.driver;

/** Told when attach has finished: the adapter record is known. */
@FunctionalInterface
public interface AttachListener {
    void onAttached(AdapterRecord adapter);
}
