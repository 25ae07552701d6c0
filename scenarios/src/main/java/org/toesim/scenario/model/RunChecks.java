package org.toesim.scenario.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.toesim.core.check.Invariant;
import org.toesim.core.check.InvariantChecker;
import org.toesim.core.check.MonotonicTraceSink;
import org.toesim.core.event.Simulator;
import org.toesim.core.trace.TraceSink;
import org.toesim.host.check.CardView;
import org.toesim.host.check.ConnectionInvariants;
import org.toesim.host.check.HostView;
import org.toesim.host.check.SocketTracker;
import org.toesim.host.offload.HandoffState;
import org.toesim.host.socket.Socket;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.frame.EthernetWire;
import org.toesim.nic.plain.PlainNicConfig;
import org.toesim.nic.ring.RingBoundsInvariant;
import org.toesim.nic.toe.Toe;
import org.toesim.tcp.engine.StreamAccounting;
import org.toesim.tcp.segment.FourTuple;

/**
 * The invariant checks of a {@code --check-invariants} run, wired to a built {@link Topology}:
 * <pre>
 *   Simulator listener  InvariantChecker: no event in the past; after every event, all below
 *   trace sink          MonotonicTraceSink in front of the run's sink (records always built)
 *   per host adapter    ringAndCreditBounds (rings, DMA read tags, packet buffers, CCB slots)
 *   per connection      byteConservation, singleOwner (every socket of every host, until its
 *                       connection closes, and its peer)
 * </pre>
 * Every invariant runs after every event: each is a few field reads per ring or connection, so
 * the cost grows with the number of open connections of the run (measured in the README).
 */
final class RunChecks {
    final InvariantChecker checker = new InvariantChecker();
    /** The per-connection invariants, once registered. */
    ConnectionInvariants connections;

    /** The trace sink the model writes to: {@code base} behind a time check. */
    TraceSink traceSink(TraceSink base, Simulator sim) {
        return new MonotonicTraceSink(base, sim::now);
    }

    /**
     * Registers the invariants of the hosts and follows their sockets; call once the stacks exist
     * and before the workloads open connections.
     */
    void register(Map<String, HostNode> hosts, Workloads workloads) {
        Map<Integer, HostView> byIp = new HashMap<>();
        SocketTracker sockets = new SocketTracker();
        for (HostNode h : hosts.values()) {
            checker.add(bounds(h));
            byIp.put(h.ip, new HostView(h.name(), h.stack, h.toe == null ? null : card(h)));
            sockets.follow(h.sockets);
        }
        connections = new ConnectionInvariants(sockets, byIp::get, s -> idOf(workloads, s));
        checker.addAll(connections.all());
    }

    /** The summary's name of the connection row {@code s} belongs to, or null (only asked on a violation). */
    private static String idOf(Workloads w, Socket s) {
        for (int i = 0; i < w.ids().size(); i++) {
            Conn c = w.conn(i);
            if (c == null) {
                continue;
            }
            for (Socket x : c.sockets()) {
                if (x == s) {
                    return c.id();
                }
            }
        }
        return null;
    }

    private static Invariant bounds(HostNode h) {
        List<RingBoundsInvariant.Bound> bounds = new ArrayList<>();
        if (h.toe != null) {
            Toe toe = h.toe;
            DmaEngine dma = toe.dma();
            bounds.add(new RingBoundsInvariant.Bound("DMA read tags in use", dma::tagsInUse, dma.maxReadTags()));
            bounds.add(new RingBoundsInvariant.Bound("CCB slots installed or reserved", toe::ccbSlotsInUse,
                    toe.config().ccbCapacity()));
            return new RingBoundsInvariant(h.name() + ".toe", toe::ringIndices, bounds);
        }
        var nic = h.plainNic;
        DmaEngine dma = nic.dma();
        bounds.add(new RingBoundsInvariant.Bound("DMA read tags in use", dma::tagsInUse, dma.maxReadTags()));
        bounds.add(new RingBoundsInvariant.Bound("receive packet buffer bytes", nic::rxBufferedBytes,
                nic.config().rxBufferBytes()));
        // The transmit path reads one more send while below its buffer size, so the buffer may
        // overshoot by at most one largest frame.
        bounds.add(new RingBoundsInvariant.Bound("transmit packet buffer bytes", nic::txBufferedBytes,
                nic.config().txBufferBytes() + EthernetWire.HEADER_BYTES + PlainNicConfig.MAX_IP_PACKET_BYTES));
        return new RingBoundsInvariant(h.name() + ".nic", nic::ringIndices, bounds);
    }

    private static CardView card(HostNode h) {
        return new CardView() {
            @Override
            public boolean holds(FourTuple tuple) {
                return h.toe.holdsConnection(tuple);
            }

            @Override
            public StreamAccounting accounting(FourTuple tuple) {
                return h.toe.accounting(tuple);
            }

            @Override
            public HandoffState handoffState(FourTuple tuple) {
                return h.manager == null ? HandoffState.ON_HOST : h.manager.state(tuple);
            }
        };
    }
}
