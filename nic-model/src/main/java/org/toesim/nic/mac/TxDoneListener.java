package org.toesim.nic.mac;

import org.toesim.nic.frame.Frame;

/** Told when a port has put the last bit of a frame on the wire (e.g. to free a descriptor). */
@FunctionalInterface
public interface TxDoneListener {
    void txDone(Frame frame, long nowPs);
}
