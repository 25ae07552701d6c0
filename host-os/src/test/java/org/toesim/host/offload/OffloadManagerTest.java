package org.toesim.host.offload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.Simulator;
import org.toesim.core.trace.TraceRecord;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.nic.device.CachedState;
import org.toesim.nic.device.Capability;
import org.toesim.nic.device.CcbImage;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.DeviceEvent;
import org.toesim.nic.device.OffloadFeature;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.nic.device.OffloadState;
import org.toesim.nic.device.UploadReason;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.engine.ConnectionStats;
import org.toesim.tcp.engine.TcpConfig;
import org.toesim.tcp.engine.TcpConnection;
import org.toesim.tcp.engine.TcpEvents;
import org.toesim.tcp.engine.TcpState;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

/**
 * The {@link OffloadManager} alone, against a scripted adapter (every command waits until the test
 * answers it) and a scripted stack that records the handoff calls it receives.
 */
class OffloadManagerTest {
    private static final FourTuple T = new FourTuple(0x0A000002, 5001, 0x0A000001, 40000);
    private static final long MS = Units.PS_PER_MS;
    private static final long BACKOFF_PS = 5 * MS;
    private static final long CHECK_PS = MS;

    /** An adapter whose commands stay pending until the test completes them. */
    static class FakeAdapter implements AdapterPort {
        Capability capability = new Capability(true, 4, 4, 1 << 20, 1 << 20, 8, EnumSet.of(OffloadFeature.IPV4,
                OffloadFeature.FORWARD_FRAMES));
        final OffloadHandle.Allocator handles = new OffloadHandle.Allocator(3);
        final ArrayDeque<StatusCallback> initiates = new ArrayDeque<>();
        final ArrayDeque<TerminateCallback> terminates = new ArrayDeque<>();
        final ArrayDeque<QueryCallback> queries = new ArrayDeque<>();
        final ArrayDeque<StatusCallback> forwards = new ArrayDeque<>();
        final List<List<Frame>> forwarded = new ArrayList<>();
        int initiated;

        @Override
        public Capability capability() {
            return capability;
        }

        @Override
        public OffloadHandle allocateHandle() {
            return handles.allocate();
        }

        @Override
        public void initiate(OffloadHandle handle, OffloadState image, StatusCallback callback) {
            initiated++;
            initiates.add(callback);
        }

        @Override
        public void terminate(OffloadHandle handle, TerminateCallback callback) {
            terminates.add(callback);
        }

        @Override
        public void update(OffloadHandle handle, CachedState cached, StatusCallback callback) {
            callback.done(CommandStatus.SUCCESS);
        }

        @Override
        public void query(OffloadHandle handle, QueryCallback callback) {
            queries.add(callback);
        }

        @Override
        public long postBuffer(OffloadHandle handle, long hostAddr, int lenBytes, BufferCallback callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long send(OffloadHandle handle, long hostAddr, int lenBytes, SendCallback callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void forward(OffloadHandle handle, List<Frame> frames, StatusCallback callback) {
            forwarded.add(frames);
            forwards.add(callback);
        }

        void answerInitiate(CommandStatus s) {
            initiates.poll().done(s);
        }

        void answerTerminate(boolean ok) {
            terminates.poll().done(ok ? CommandStatus.SUCCESS : CommandStatus.HARDWARE_FAILURE,
                    ok ? new CcbImage(ccb(TcpState.ESTABLISHED)) : null);
        }
    }

    /** A host stack that records the handoff calls and checks their order. */
    static final class FakeStack implements StackPort {
        final List<String> calls = new ArrayList<>();
        final List<Frame> held = new ArrayList<>();
        String placement = "HOST";
        boolean established = true;

        @Override
        public ConnectionFacts facts(FourTuple tuple) {
            return new ConnectionFacts(tuple, established ? TcpState.ESTABLISHED : TcpState.CLOSE_WAIT, 100_000, 0, 0,
                    0);
        }

        @Override
        public ConnectionStats hostStats(FourTuple tuple) {
            return null;
        }

        private void step(String call, String from, String to) {
            assertEquals(from, placement, call + " with the connection " + placement + "; calls " + calls);
            placement = to;
            calls.add(call);
        }

        @Override
        public void quiesce(FourTuple tuple) {
            step("quiesce", "HOST", "QUIESCED");
        }

        @Override
        public ControlBlock snapshot(FourTuple tuple) {
            assertEquals("QUIESCED", placement);
            calls.add("snapshot");
            return ccb(TcpState.ESTABLISHED);
        }

        @Override
        public int markOffloaded(FourTuple tuple) {
            step("markOffloaded", "QUIESCED", "OFFLOADED");
            return held.size();
        }

        @Override
        public void resumeOnHost(FourTuple tuple) {
            step("resumeOnHost", "QUIESCED", "HOST");
        }

        @Override
        public void resumeFromCcb(FourTuple tuple, ControlBlock ccb) {
            step("resumeFromCcb", "OFFLOADED", "HOST");
        }

        @Override
        public void abort(FourTuple tuple, String reason) {
            step("abort", "OFFLOADED", "HOST");
        }

        @Override
        public List<Frame> takeHeld(FourTuple tuple) {
            List<Frame> out = List.copyOf(held);
            held.clear();
            return out;
        }

        @Override
        public void hold(FourTuple tuple, Frame frame) {
            held.add(frame);
        }
    }

    /** Collects trace records. */
    static final class Records implements TraceSink {
        final List<TraceRecord> all = new ArrayList<>();

        @Override
        public void record(long timePs, String component, TraceRecord record) {
            all.add(record);
        }

        <R> List<R> of(Class<R> type) {
            List<R> out = new ArrayList<>();
            for (TraceRecord r : all) {
                if (type.isInstance(r)) {
                    out.add(type.cast(r));
                }
            }
            return out;
        }
    }

    static ControlBlock ccb(TcpState state) {
        ControlBlock c = new TcpConnection(T, TcpConfig.defaults(), TcpEvents.NONE, TraceSink.NONE, "fake").snapshot(0);
        if (state == c.delegated().state()) {
            return c;
        }
        return new ControlBlock(c.constant(), c.cached(), c.delegated().withState(state));
    }

    final Simulator sim = new Simulator();
    final FakeAdapter adapter = new FakeAdapter();
    final FakeStack stack = new FakeStack();
    final Records trace = new Records();
    final List<String> moves = new ArrayList<>();
    OffloadManager manager;

    OffloadManager manager(OffloadPolicy policy, long statsPollPs) {
        manager = new OffloadManager(sim, adapter, stack, OffloadConfig.of(policy).withCheckIntervalPs(CHECK_PS)
                .withRefusalBackoffPs(BACKOFF_PS).withStatsPollIntervalPs(statsPollPs), trace, "H");
        manager.setHandoffListener((t, from, to) -> {
            assertTrue(from.canMoveTo(to), from + " -> " + to);
            moves.add(from + ">" + to);
        });
        return manager;
    }

    private void install() {
        manager.watch(T);
        assertEquals(HandoffState.OFFLOADING, manager.state(T));
        adapter.answerInitiate(CommandStatus.SUCCESS);
        assertEquals(HandoffState.OFFLOADED, manager.state(T));
    }

    @Test
    void aNeighbourChangeTheAdapterCannotTakeBringsItsConnectionsBack() {
        manager(new OffloadPolicy.Always(), 0);
        install();
        manager.neighbourChanged(T.remoteIp() + 1, 0x02_00_00_00_00_07L); // another neighbour: nothing to do
        assertEquals(HandoffState.OFFLOADED, manager.state(T));
        manager.neighbourChanged(T.remoteIp(), 0x02_00_00_00_00_07L); // no NEIGHBOUR_UPDATE: take it back
        assertEquals(HandoffState.FLUSHING, manager.state(T));
        assertEquals(0, manager.neighbourUpdates());
        adapter.answerTerminate(true);
        assertEquals(HandoffState.ON_HOST_AGAIN, manager.state(T));
    }

    @Test
    void refusedHandoffResumesOnTheHostIsCountedAndBacksOffBeforeAskingAgain() {
        manager(new OffloadPolicy.Always(), 0);
        manager.watch(T);
        assertEquals(List.of("quiesce", "snapshot"), stack.calls);
        adapter.answerInitiate(CommandStatus.NO_RESOURCES);
        assertEquals(HandoffState.ON_HOST, manager.state(T));
        assertEquals(List.of("quiesce", "snapshot", "resumeOnHost"), stack.calls);
        assertEquals(1, manager.counters().refused());
        assertEquals(0, manager.counters().installed());
        assertEquals(0, manager.offloadedConnections(), "the handle is released");
        assertEquals(CommandStatus.NO_RESOURCES, trace.of(OffloadTrace.Refused.class).get(0).status());
        long decisions = manager.counters().decisions();
        // periodic checks inside the backoff do not ask the policy
        sim.runUntil(BACKOFF_PS - CHECK_PS / 2);
        assertEquals(decisions, manager.counters().decisions(), "no policy check during the backoff");
        assertEquals(1, adapter.initiated);
        // the first check after the backoff asks again and starts a new handoff
        sim.runUntil(BACKOFF_PS + CHECK_PS);
        assertEquals(decisions + 1, manager.counters().decisions());
        assertEquals(2, adapter.initiated);
        adapter.answerInitiate(CommandStatus.SUCCESS);
        assertEquals(HandoffState.OFFLOADED, manager.state(T));
        assertEquals(List.of("ON_HOST>QUIESCING", "QUIESCING>OFFLOADING", "OFFLOADING>ON_HOST", "ON_HOST>QUIESCING",
                "QUIESCING>OFFLOADING", "OFFLOADING>OFFLOADED"), moves);
    }

    @Test
    void adapterRecordWithoutRoomOrSupportRulesTheHandoffOutWithoutTouchingTheStack() {
        adapter.capability = Capability.none(EnumSet.noneOf(OffloadFeature.class));
        manager(new OffloadPolicy.Always(), 0);
        manager.watch(T);
        assertEquals(HandoffState.ON_HOST, manager.state(T));
        assertTrue(stack.calls.isEmpty(), "never quiesced: " + stack.calls);
        assertEquals(1, manager.counters().notPossible());
        assertEquals(0, adapter.initiated);
        assertTrue(trace.of(OffloadTrace.HandoffNotPossible.class).get(0).reason().contains("not supported"));
    }

    @Test
    void uploadRequestsFlushAndOnlyReasonsTheCardCannotRunForbidReoffload() {
        for (UploadReason reason : UploadReason.values()) {
            OffloadManagerTest t = new OffloadManagerTest();
            t.manager(new OffloadPolicy.Always(), 0);
            t.install();
            OffloadHandle h = t.manager.offloadedInOrder().iterator().next().handle;
            t.manager.onDeviceEvent(new DeviceEvent.UploadRequest(h, reason));
            assertEquals(HandoffState.FLUSHING, t.manager.state(T), reason.name());
            t.adapter.answerTerminate(true);
            assertEquals(HandoffState.ON_HOST_AGAIN, t.manager.state(T));
            FlushCause cause = t.trace.of(OffloadTrace.FlushCompleted.class).get(0).cause();
            assertEquals(reason == UploadReason.HARDWARE_FAILURE ? FlushCause.CARD_RESET : FlushCause.UPLOAD_REQUEST,
                    cause, reason.name());
            t.sim.runUntil(10 * BACKOFF_PS);
            boolean forbidden = reason == UploadReason.INVALID_STATE || reason == UploadReason.URGENT_DATA
                    || reason == UploadReason.HARDWARE_FAILURE || reason == UploadReason.CONNECTION_DONE;
            assertEquals(forbidden ? 1 : 2, t.adapter.initiated, reason + ": offloaded again? " + t.manager.counters());
            assertEquals(1, t.manager.counters().uploadRequests());
            assertEquals(reason != UploadReason.HARDWARE_FAILURE, t.manager.canOffload(), reason.name());
        }
    }

    /**
     * The application's close flushes the connection and closes it on the host; until the close
     * has run (it waits for outstanding sends) the policy must not hand it over again: a TOE
     * sender re-offloaded in that instant never sent its FIN (1 of 100 connections at 10 Gbit/s).
     */
    @Test
    void aConnectionTheApplicationClosesIsNeverOffloadedAgain() {
        manager(new OffloadPolicy.Always(), 0);
        install();
        manager.applicationClose(T, () -> { }); // the close itself waits (sends outstanding)
        adapter.answerTerminate(true);
        assertEquals(HandoffState.ON_HOST_AGAIN, manager.state(T));
        sim.runUntil(10 * BACKOFF_PS);
        assertEquals(1, adapter.initiated, "offloaded again while closing: " + manager.counters());
        assertEquals(HandoffState.ON_HOST_AGAIN, manager.state(T));
    }

    @Test
    void everyFlushCauseBringsTheConnectionBackThroughTheSameSequence() {
        for (FlushCause cause : FlushCause.values()) {
            OffloadManagerTest t = new OffloadManagerTest();
            t.manager(new OffloadPolicy.Always(), cause == FlushCause.CLOSING_ON_ADAPTER ? MS : 0);
            boolean[] closed = new boolean[1];
            if (cause == FlushCause.SLOW_PATH_SEGMENT) {
                // a FIN held while the handoff was in flight: data before it goes to the card, then the flush
                t.manager.watch(T);
                t.stack.held.add(frame(1000, TcpFlags.ACK, 100));
                t.stack.held.add(frame(1100, TcpFlags.ACK | TcpFlags.FIN, 0));
                t.adapter.answerInitiate(CommandStatus.SUCCESS);
                assertEquals(1, t.adapter.forwarded.size());
                assertEquals(1, t.adapter.forwarded.get(0).size(), "only the data frame goes to the card");
                assertEquals(HandoffState.OFFLOADED, t.manager.state(T), "the flush waits for the forward");
                t.adapter.forwards.poll().done(CommandStatus.SUCCESS);
                assertEquals(1, t.stack.held.size(), "the FIN stays with the stack, replayed after the resume");
            } else {
                t.install();
                switch (cause) {
                    case POLICY -> t.manager.flush(T, FlushCause.POLICY, null);
                    case APPLICATION_CLOSE -> t.manager.applicationClose(T, () -> {
                        assertEquals("HOST", t.stack.placement, "the close runs on the host");
                        closed[0] = true;
                    });
                    case UPLOAD_REQUEST -> t.manager.onDeviceEvent(new DeviceEvent.UploadRequest(
                            t.manager.offloadedInOrder().iterator().next().handle, UploadReason.LOW_ACTIVITY));
                    case CLOSING_ON_ADAPTER -> {
                        t.sim.runUntil(MS + 1);
                        t.adapter.queries.poll().done(CommandStatus.SUCCESS,
                                new CcbImage(ccb(TcpState.CLOSE_WAIT)), org.toesim.nic.device.ConnectionStats.ZERO);
                    }
                    case CARD_RESET -> t.manager.cardReset();
                    default -> throw new AssertionError(cause);
                }
            }
            assertEquals(HandoffState.FLUSHING, t.manager.state(T), cause.name());
            assertEquals(cause, t.trace.of(OffloadTrace.FlushStarted.class).get(0).cause());
            t.adapter.answerTerminate(true);
            assertEquals(HandoffState.ON_HOST_AGAIN, t.manager.state(T));
            assertEquals(List.of("quiesce", "snapshot", "markOffloaded", "resumeFromCcb"), t.stack.calls, cause.name());
            assertEquals(1, t.manager.counters().flushes());
            assertEquals(cause == FlushCause.APPLICATION_CLOSE, closed[0]);
            assertEquals(0, t.manager.offloadedConnections());
        }
    }

    @Test
    void flushRequestedDuringTheHandoffRunsRightAfterTheInstallAndALostCcbAbortsTheConnection() {
        manager(new OffloadPolicy.Always(), 0);
        manager.watch(T);
        boolean[] back = new boolean[1];
        manager.flush(T, FlushCause.POLICY, () -> back[0] = true);
        assertEquals(HandoffState.OFFLOADING, manager.state(T));
        adapter.answerInitiate(CommandStatus.SUCCESS);
        assertEquals(HandoffState.FLUSHING, manager.state(T), "the pending flush starts at once");
        assertFalse(back[0]);
        adapter.answerTerminate(false);
        assertTrue(back[0]);
        assertEquals(List.of("quiesce", "snapshot", "markOffloaded", "abort"), stack.calls);
        assertEquals(1, manager.counters().flushFailures());
        assertEquals(0, manager.counters().flushes());
    }

    @Test
    void aConnectionThatLeftEstablishedIsNotHandedOver() {
        manager(new OffloadPolicy.Always(), 0);
        stack.established = false;
        manager.watch(T);
        sim.runUntil(5 * CHECK_PS);
        assertEquals(0, adapter.initiated);
        assertEquals(0, manager.counters().decisions(), "the policy is not even asked");
    }

    @Test
    void randomOperationsNeverTakeAnIllegalTransition() {
        for (long seed = 1; seed <= 30; seed++) {
            OffloadManagerTest t = new OffloadManagerTest();
            t.manager(new OffloadPolicy.Always(), 0);
            t.manager.watch(T);
            Random r = new Random(seed);
            for (int step = 0; step < 200; step++) {
                int op = r.nextInt(7);
                switch (op) {
                    case 0 -> {
                        if (!t.adapter.initiates.isEmpty()) {
                            t.adapter.answerInitiate(r.nextBoolean() ? CommandStatus.SUCCESS : CommandStatus.NO_RESOURCES);
                        }
                    }
                    case 1 -> {
                        if (!t.adapter.terminates.isEmpty()) {
                            t.adapter.answerTerminate(r.nextInt(10) > 0);
                        }
                    }
                    case 2 -> t.manager.flush(T, FlushCause.POLICY, null);
                    case 3 -> {
                        OffloadRecord rec = t.manager.record(T);
                        if (rec != null && rec.handle != null) {
                            t.manager.onDeviceEvent(new DeviceEvent.UploadRequest(rec.handle,
                                    r.nextBoolean() ? UploadReason.TIMEOUT : UploadReason.LOW_ACTIVITY));
                        }
                    }
                    case 4 -> t.sim.runUntil(t.sim.now() + r.nextInt(3) * BACKOFF_PS);
                    case 5 -> t.manager.consider(T);
                    default -> {
                        if (r.nextInt(50) == 0) {
                            t.manager.cardReset();
                        }
                    }
                }
                HandoffState s = t.manager.state(T);
                assertEquals(s.onHost(), t.stack.placement.equals("HOST"), "seed " + seed + " step " + step);
                assertEquals(s == HandoffState.OFFLOADING || s == HandoffState.OFFLOADED || s == HandoffState.FLUSHING
                        ? 1 : 0, t.manager.offloadedConnections(), "seed " + seed + ": " + s);
            }
            assertFalse(t.moves.isEmpty());
            OffloadRecord rec = t.manager.record(T);
            assertNotNull(rec);
            if (rec.state().onHost()) {
                assertNull(rec.handle, "no handle kept on the host");
            }
        }
    }

    private static Frame frame(int seq, int flags, int lenBytes) {
        Segment s = new Segment(T.remotePort(), T.localPort(), seq, 1, flags, 65535, 0, TcpOptions.NONE,
                lenBytes == 0 ? Payload.EMPTY : Payload.virtual(seq, lenBytes));
        return Frame.of(seq, 1, 2, Ipv4Header.of(T.remoteIp(), T.localIp(), 1), s);
    }
}
