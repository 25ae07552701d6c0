package org.toesim.nic.mac;

import java.util.ArrayList;
import java.util.List;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.FrameSink;

/** A sink that remembers every frame and its arrival time. */
public final class Arrivals implements FrameSink {
    public final List<Frame> frames = new ArrayList<>();
    public final List<Long> timesPs = new ArrayList<>();

    @Override
    public void receive(Frame frame, long nowPs) {
        frames.add(frame);
        timesPs.add(nowPs);
    }

    public int size() {
        return frames.size();
    }
}
