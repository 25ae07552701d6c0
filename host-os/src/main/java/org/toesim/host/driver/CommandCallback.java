package org.toesim.host.driver;

import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.ToeCommand;

/** Completion of one {@link ToeCommand} submitted with {@link NicDriver#submit}. */
@FunctionalInterface
public interface CommandCallback {
    /** The adapter completed {@code command}; runs after the host's completion cost on {@code core}. */
    void onCommandComplete(ToeCommand command, DeviceCompletion.CommandCompletion completion, int core);
}
