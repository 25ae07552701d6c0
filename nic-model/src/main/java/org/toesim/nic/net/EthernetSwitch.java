package org.toesim.nic.net;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.stats.Counter;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.mac.DropReason;
import org.toesim.nic.mac.FrameDropped;
import org.toesim.nic.mac.MacConfig;
import org.toesim.nic.mac.MacPort;

/**
 * A store-and-forward switch with a static forwarding table. Each port is a {@link MacPort}:
 * its receive side checks FCS and MTU on the whole frame (store-and-forward), its transmit
 * queue is the port's output queue (drop-tail, or with the AQM of its {@link MacConfig#aqm()}:
 * the switch ports are where a data centre marks ECN). Several senders into one output port therefore
 * queue there and, past the queue limit, lose frames: a shared bottleneck.
 *
 * <pre>
 *   link --&gt; port i.receive --FCS/MTU ok--&gt; [forwarding latency] --&gt; table(dst MAC or dst IP) = j
 *        --&gt; port j.send --&gt; [output queue j, drop-tail] --&gt; serialise at port j's rate --&gt; link
 *   unknown destination --&gt; dropped, counted in noRouteDrops (no flooding: the table is static)
 * </pre>
 *
 * <p>Keyed by IP, the switch still forwards at layer 2 (no TTL decrement, no MAC rewrite): a
 * convenience for topologies whose hosts share a subnet.
 */
public final class EthernetSwitch {
    private static final Logger LOG = LoggerFactory.getLogger(EthernetSwitch.class);
    /** What the forwarding table is keyed by. */
    public enum ForwardBy { DST_MAC, DST_IP }

    private final Simulator sim;
    private final String name;
    private final ForwardBy forwardBy;
    private final TraceSink trace;
    private final MacPort[] ports;
    private final ForwardingTable table = new ForwardingTable();
    private final DelayLine fabric;
    private final long forwardingLatencyPs;
    private final Counter noRouteDrops;
    private boolean noRouteLogged;

    /**
     * @param portConfigs         one configuration per port (rate, MTU, output queue limit, AQM)
     * @param forwardingLatencyPs fixed delay from full reception to entering the output queue
     * @param streams             the run's random streams (port {@code i}'s RED draws from
     *                            {@code <name>.p<i>.aqm}), or null when no port's AQM draws
     */
    public EthernetSwitch(Simulator sim, String name, MacConfig[] portConfigs, ForwardBy forwardBy,
                          long forwardingLatencyPs, TraceSink trace, RandomStreams streams) {
        if (forwardingLatencyPs < 0) {
            throw new IllegalArgumentException("forwarding latency " + forwardingLatencyPs + " ps < 0");
        }
        this.sim = Objects.requireNonNull(sim);
        this.name = Objects.requireNonNull(name);
        this.forwardBy = Objects.requireNonNull(forwardBy);
        this.trace = Objects.requireNonNull(trace);
        this.forwardingLatencyPs = forwardingLatencyPs;
        this.noRouteDrops = new Counter(name + ".noRouteDrops");
        this.fabric = new DelayLine(sim, "switch.forward", name, (f, t) -> forward(f));
        this.ports = new MacPort[portConfigs.length];
        for (int i = 0; i < ports.length; i++) {
            ports[i] = new MacPort(sim, name + ".p" + i, portConfigs[i], trace, streams);
            ports[i].connectReceiver(this::ingress);
        }
    }

    /** A switch whose ports' queues draw no random numbers. */
    public EthernetSwitch(Simulator sim, String name, MacConfig[] portConfigs, ForwardBy forwardBy,
                          long forwardingLatencyPs, TraceSink trace) {
        this(sim, name, portConfigs, forwardBy, forwardingLatencyPs, trace, null);
    }

    /** A switch of {@code portCount} identical ports, no forwarding latency, no tracing. */
    public EthernetSwitch(Simulator sim, String name, int portCount, MacConfig portConfig, ForwardBy forwardBy) {
        this(sim, name, filled(portCount, portConfig), forwardBy, 0, TraceSink.NONE);
    }

    private static MacConfig[] filled(int n, MacConfig c) {
        MacConfig[] a = new MacConfig[n];
        java.util.Arrays.fill(a, c);
        return a;
    }

    /** Forwards frames for destination MAC {@code mac} (when keyed by MAC) out of {@code port}. */
    public EthernetSwitch routeMac(long mac, int port) {
        requireMode(ForwardBy.DST_MAC);
        table.put(mac, checkPort(port));
        return this;
    }

    /** Forwards frames for destination IPv4 address {@code ip} (when keyed by IP) out of {@code port}. */
    public EthernetSwitch routeIp(int ip, int port) {
        requireMode(ForwardBy.DST_IP);
        table.put(ip & 0xFFFF_FFFFL, checkPort(port));
        return this;
    }

    private void ingress(Frame frame, long nowPs) {
        if (forwardingLatencyPs == 0) {
            forward(frame);
        } else {
            fabric.add(frame, nowPs + forwardingLatencyPs);
        }
    }

    /** The first frame without a forwarding entry at DEBUG, later ones at TRACE. */
    private void logNoRoute(Frame frame, long key) {
        boolean first = !noRouteLogged;
        noRouteLogged = true;
        if (first ? LOG.isDebugEnabled() : LOG.isTraceEnabled()) {
            String to = forwardBy == ForwardBy.DST_MAC ? Long.toHexString(key)
                    : org.toesim.tcp.segment.FourTuple.ipToString((int) key);
            if (first) {
                LOG.debug("{} {}: frame {} to {} dropped: no forwarding entry (later ones at TRACE)",
                        Units.logTime(sim.now()), name, frame.frameId(), to);
            } else {
                LOG.trace("{} {}: frame {} to {} dropped: no forwarding entry", Units.logTime(sim.now()), name,
                        frame.frameId(), to);
            }
        }
    }

    private void forward(Frame frame) {
        long key = forwardBy == ForwardBy.DST_MAC ? frame.dstMac() : frame.ip().dstIp() & 0xFFFF_FFFFL;
        int out = table.lookup(key);
        if (out == ForwardingTable.NO_PORT) {
            noRouteDrops.increment();
            logNoRoute(frame, key);
            if (trace.enabled()) {
                trace.record(sim.now(), name, new FrameDropped(frame.frameId(), DropReason.NO_ROUTE, frame.lenBytes()));
            }
            return;
        }
        ports[out].send(frame);
    }

    private void requireMode(ForwardBy mode) {
        if (forwardBy != mode) {
            throw new IllegalStateException("switch " + name + " forwards by " + forwardBy + ", not " + mode);
        }
    }

    private int checkPort(int port) {
        Objects.checkIndex(port, ports.length);
        return port;
    }

    /** Port {@code i}: attach a link to it; its stats hold the output queue drops. */
    public MacPort port(int i) {
        return ports[i];
    }

    public int portCount() {
        return ports.length;
    }

    public String name() {
        return name;
    }

    /** Frames dropped for want of a forwarding entry. */
    public Counter noRouteDrops() {
        return noRouteDrops;
    }
}
