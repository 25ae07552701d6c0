package org.toesim.nic.aqm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.TestFrames;

/** A test queue: frames with the enqueue times the test chooses; remembers what the discipline dropped or marked. */
final class ScriptedQueue implements AqmQueue {
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private final ArrayDeque<Long> times = new ArrayDeque<>();
    private long bytes;
    final List<Long> droppedIds = new ArrayList<>();
    final List<Long> markedIds = new ArrayList<>();

    /** Full-size frames with ECN codepoint {@code ecn}. */
    static Frame frame(long id, int ecn) {
        return Ecn.withCodepoint(TestFrames.fullSize(id), ecn);
    }

    void add(Frame f, long enqueuePs) {
        frames.addLast(f);
        times.addLast(enqueuePs);
        bytes += f.lenBytes();
    }

    @Override
    public int frames() {
        return frames.size();
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public long headEnqueuePs() {
        return times.getFirst();
    }

    @Override
    public Frame poll() {
        Frame f = frames.pollFirst();
        if (f != null) {
            times.pollFirst();
            bytes -= f.lenBytes();
        }
        return f;
    }

    @Override
    public void drop(Frame frame) {
        droppedIds.add(frame.frameId());
    }

    @Override
    public Frame markCe(Frame frame) {
        markedIds.add(frame.frameId());
        return Ecn.withCe(frame);
    }
}
