package org.toesim.scenario.model;

import org.toesim.scenario.run.SimulationException;

/** The failure of a scenario that needs a part of the model this build does not contain. */
final class ModelUnavailable {
    private ModelUnavailable() {
    }

    /**
     * @param path  the scenario field that needs the missing part, e.g. {@code hosts[1].nic.model}
     * @param what  what the field asks for, e.g. {@code "a TOE adapter"}
     * @param piece the missing part, e.g. {@code "the TOE device model (org.toesim.nic.toe)"}
     */
    static SimulationException missing(String path, String what, String piece) {
        return new SimulationException("the simulation model in this build cannot run " + path + " (" + what
                + "): it needs " + piece + ", which is not in this build yet; nothing was simulated");
    }
}
