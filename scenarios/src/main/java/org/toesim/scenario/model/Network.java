package org.toesim.scenario.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.stats.StatsRegistry;
import org.toesim.core.trace.TraceSink;
import org.toesim.nic.frame.FrameSink;
import org.toesim.nic.mac.MacConfig;
import org.toesim.nic.mac.MacPort;
import org.toesim.nic.mac.MacStats;
import org.toesim.nic.mac.QueueLimit;
import org.toesim.nic.net.EthernetSwitch;
import org.toesim.nic.net.GilbertElliott;
import org.toesim.nic.net.Impairments;
import org.toesim.nic.net.Link;
import org.toesim.nic.pcap.PcapWriter;
import org.toesim.nic.net.LinkDirection;
import org.toesim.nic.net.LinkStats;
import org.toesim.scenario.result.LinkReport;
import org.toesim.scenario.spec.ImpairedFrames;
import org.toesim.scenario.spec.ImpairmentsSpec;
import org.toesim.scenario.spec.LinkSpec;
import org.toesim.scenario.spec.Problem;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioException;
import org.toesim.scenario.spec.SwitchSpec;

/**
 * The wires of a topology: one {@link Link} per {@link LinkSpec} and one
 * {@link EthernetSwitch} per {@link SwitchSpec}, whose ports are the links naming it (in link
 * order). Every host has one port, so a host is named by at most one link. Switches forward by
 * destination IP; each switch's table sends a host's address out of the port on the shortest
 * path (breadth-first search over nodes, ties to the earlier link).
 *
 * <p>Each direction has its own impairments ({@code impairments} per direction) and random streams
 * ({@code <link>.ab.loss}, {@code <link>.ba.loss}, ...), so an impairment given for one
 * direction draws exactly what the same impairment given for both drew in that direction.
 *
 * <pre>
 *   host port --tx--&gt; [pcap tap] --&gt; [loss-burst gate] --&gt; link direction --&gt; far port
 *   far port --rx (FCS ok)--&gt; [pcap tap] --&gt; NIC
 * </pre>
 */
final class Network {
    private final Map<String, Link> links = new LinkedHashMap<>();
    /** Per link (scenario order): its two ends' names and sending ports, for the summary. */
    private final List<Ends> ends = new ArrayList<>();
    private final Map<String, LossBurstGate[]> gates = new HashMap<>();
    private final List<EthernetSwitch> switches = new ArrayList<>();

    /** The port of a host on no link: the default link's rate and queue, the NIC's MTU. */
    static MacConfig defaultPort(int mtuBytes) {
        return new MacConfig(LinkSpec.DEFAULT_RATE_BITS_PER_SEC, mtuBytes, QueueLimit.bytes(LinkSpec.DEFAULT_QUEUE_BYTES));
    }

    /**
     * The MAC configuration of a port on {@code link}: the link's rate, queue limit and AQM, and
     * the MTU of the device the port belongs to (host NIC or switch); a port drops frames above
     * its MTU both ways (txOversizeDrops, rxOversizeDrops).
     */
    static MacConfig portConfig(LinkSpec link, int mtuBytes) {
        return new MacConfig(link.rateBitsPerSec(), mtuBytes, queueLimit(link)).withAqm(link.aqm());
    }

    /**
     * The MAC of a host's end of {@code link}: as {@link #portConfig}, and the queue is the
     * link's drop-tail buffer rather than the card's own FIFO, so the NIC hands frames in at its
     * DMA pace and a full queue drops ({@code MacConfig.deviceWaits} false). Without this a host
     * on a link slower than its PCIe path never lost a frame at its own end: the NIC waited, the
     * descriptor ring filled and the backlog grew in the host (847 TSO frames for a 50 MiB bulk
     * transfer over 1 Gbit/s), so the configured {@code queue} was dead.
     */
    static MacConfig hostPortConfig(LinkSpec link, int mtuBytes) {
        return portConfig(link, mtuBytes).withDeviceWaits(false);
    }

    /** The link's queue: its byte limit, its frame limit, or both (0 in the spec: none). */
    static QueueLimit queueLimit(LinkSpec link) {
        return QueueLimit.of(link.queueFrames() > 0 ? link.queueFrames() : QueueLimit.UNLIMITED,
                link.queueBytes() > 0 ? link.queueBytes() : QueueLimit.UNLIMITED);
    }

    /** The link each host is on (by host name), rejecting hosts named by two links. */
    static Map<String, LinkSpec> hostLinks(Scenario s) throws ScenarioException {
        Map<String, LinkSpec> out = new HashMap<>();
        for (int i = 0; i < s.links().size(); i++) {
            LinkSpec l = s.links().get(i);
            for (String end : l.between()) {
                boolean isHost = s.hosts().stream().anyMatch(h -> h.name().equals(end));
                if (isHost && out.put(end, l) != null) {
                    throw new ScenarioException(new Problem("<scenario>", 0, 0, "links[" + i + "].between",
                            "host '" + end + "' is on a second link; each host has one NIC port",
                            "one link per host (join more hosts through a switch)", ""));
                }
            }
        }
        return out;
    }

    /**
     * Builds switches and links between the given host ports.
     *
     * @param pcapOf capture writer of a host's port, or null for none
     * @param lossBurstLinks names of links that need a loss-burst gate
     */
    Network(Simulator sim, RandomStreams streams, StatsRegistry stats, TraceSink trace, Scenario s,
            Map<String, HostNode> hosts, Map<String, PcapWriter> pcapOf, java.util.Set<String> lossBurstLinks) {
        Map<String, EthernetSwitch> byName = new HashMap<>();
        Map<String, List<Integer>> switchLinks = new HashMap<>();
        for (SwitchSpec sw : s.switches()) {
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < s.links().size(); i++) {
                if (s.links().get(i).between().contains(sw.name())) {
                    mine.add(i);
                }
            }
            MacConfig[] configs = new MacConfig[mine.size()];
            for (int k = 0; k < configs.length; k++) {
                configs[k] = portConfig(s.links().get(mine.get(k)), sw.mtuBytes());
            }
            EthernetSwitch es = new EthernetSwitch(sim, sw.name(), configs, EthernetSwitch.ForwardBy.DST_IP,
                    sw.latencyPs(), trace, streams);
            for (int k = 0; k < configs.length; k++) {
                es.port(k).stats().registerIn(stats);
            }
            stats.register(es.noRouteDrops());
            byName.put(sw.name(), es);
            switchLinks.put(sw.name(), mine);
            switches.add(es);
        }
        for (int i = 0; i < s.links().size(); i++) {
            LinkSpec l = s.links().get(i);
            Link link = new Link(sim, streams, l.name(), l.delayPs(), impairments(l.impairmentsAToB()),
                    impairments(l.impairmentsBToA()), trace);
            link.ab().stats().registerIn(stats);
            link.ba().stats().registerIn(stats);
            MacPort a = port(l.between().get(0), i, hosts, byName, switchLinks);
            MacPort b = port(l.between().get(1), i, hosts, byName, switchLinks);
            link.attach(a, b);
            link.nameEnds(lifeline(l.between().get(0), hosts), lifeline(l.between().get(1), hosts));
            tapToeReceive(link.ab(), l.between().get(1), b, hosts, pcapOf);
            tapToeReceive(link.ba(), l.between().get(0), a, hosts, pcapOf);
            FrameSink ab = link.ab();
            FrameSink ba = link.ba();
            if (lossBurstLinks.contains(l.name())) {
                LossBurstGate gab = new LossBurstGate(sim, streams, stats, l.name() + ".ab", ab);
                LossBurstGate gba = new LossBurstGate(sim, streams, stats, l.name() + ".ba", ba);
                gates.put(l.name(), new LossBurstGate[] {gab, gba});
                ab = gab;
                ba = gba;
            }
            a.connectWire(tap(pcapOf.get(l.between().get(0)), ab));
            b.connectWire(tap(pcapOf.get(l.between().get(1)), ba));
            links.put(l.name(), link);
            ends.add(new Ends(link, l.between().get(0), l.between().get(1), a, b));
        }
        for (SwitchSpec sw : s.switches()) {
            route(s, sw.name(), byName.get(sw.name()), switchLinks.get(sw.name()), hosts);
        }
    }

    /** The sequence-chart lifeline of a link end: a host's adapter ({@code a.nic}, {@code b.card}) or a switch. */
    private static String lifeline(String node, Map<String, HostNode> hosts) {
        HostNode h = hosts.get(node);
        return h == null ? node : h.adapterLifeline();
    }

    /**
     * A TOE owns its MAC's receive side, so a TOE host's capture takes received frames where the
     * link hands them to the port (frames with FCS errors included, unlike a plain NIC's capture).
     */
    private static void tapToeReceive(LinkDirection in, String node, MacPort port, Map<String, HostNode> hosts,
                                      Map<String, PcapWriter> pcapOf) {
        HostNode h = hosts.get(node);
        PcapWriter w = pcapOf.get(node);
        if (h != null && h.toe != null && w != null) {
            in.connect(w.tap(port));
        }
    }

    private static FrameSink tap(PcapWriter writer, FrameSink next) {
        return writer == null ? next : writer.tap(next);
    }

    private static MacPort port(String node, int linkIndex, Map<String, HostNode> hosts,
                                Map<String, EthernetSwitch> switches, Map<String, List<Integer>> switchLinks) {
        HostNode h = hosts.get(node);
        if (h != null) {
            return h.port;
        }
        return switches.get(node).port(switchLinks.get(node).indexOf(linkIndex));
    }

    private static void route(Scenario s, String sw, EthernetSwitch es, List<Integer> mine, Map<String, HostNode> hosts) {
        // breadth-first from the far end of each port; a host goes out of the port that reaches
        // it in the fewest hops (the lower port on a tie)
        Map<String, Integer> bestPort = new HashMap<>();
        Map<String, Integer> bestDist = new HashMap<>();
        for (int k = 0; k < mine.size(); k++) {
            LinkSpec l = s.links().get(mine.get(k));
            String start = l.between().get(0).equals(sw) ? l.between().get(1) : l.between().get(0);
            Map<String, Integer> dist = new HashMap<>();
            ArrayDeque<String> queue = new ArrayDeque<>();
            dist.put(sw, 0);
            dist.put(start, 1);
            queue.add(start);
            while (!queue.isEmpty()) {
                String n = queue.poll();
                if (hosts.containsKey(n)) {
                    Integer d = bestDist.get(n);
                    if (d == null || dist.get(n) < d) {
                        bestDist.put(n, dist.get(n));
                        bestPort.put(n, k);
                    }
                    continue;
                }
                for (LinkSpec other : s.links()) {
                    if (other.between().contains(n)) {
                        String m = other.between().get(0).equals(n) ? other.between().get(1) : other.between().get(0);
                        if (!dist.containsKey(m)) {
                            dist.put(m, dist.get(n) + 1);
                            queue.add(m);
                        }
                    }
                }
            }
        }
        for (HostNode h : hosts.values()) {
            Integer k = bestPort.get(h.name());
            if (k != null) {
                es.routeIp(h.ip, k);
            }
        }
    }

    static Impairments impairments(ImpairmentsSpec s) {
        GilbertElliott ge = s.gilbertElliott().enabled()
                ? new GilbertElliott(s.gilbertElliott().pGoodToBad(), s.gilbertElliott().pBadToGood(),
                        s.gilbertElliott().lossGood(), s.gilbertElliott().lossBad())
                : null;
        return new Impairments(s.loss(), ge, s.reorder().probability(), s.reorder().delayPs(), s.duplicate(),
                s.corrupt(), 0, s.frames() == ImpairedFrames.DATA);
    }

    /** The link named {@code name}. */
    Link link(String name) {
        return links.get(name);
    }

    /** The loss-burst gates (a-to-b, b-to-a) of {@code link}, or null if it has none. */
    LossBurstGate[] gates(String link) {
        return gates.get(link);
    }

    List<EthernetSwitch> switches() {
        return switches;
    }

    /** Both directions of every link, in scenario order. */
    List<LinkReport> linkReports(long nowPs) {
        List<LinkReport> out = new ArrayList<>(2 * ends.size());
        for (Ends e : ends) {
            out.add(report(e.link.name(), e.a, e.b, e.link.ab().stats(), e.portA, nowPs));
            out.add(report(e.link.name(), e.b, e.a, e.link.ba().stats(), e.portB, nowPs));
        }
        return out;
    }

    private static LinkReport report(String name, String from, String to, LinkStats st, MacPort sender, long nowPs) {
        MacStats ms = sender.stats();
        double sojourn = ms.sojournPs.count() == 0 ? 0 : ms.sojournPs.mean();
        return new LinkReport(name, from, to, st.framesIn.value(), st.framesDelivered.value(), st.lossDrops.value(),
                ms.txQueueDrops.value(), st.downDrops.value(), st.corrupted.value(), sender.config().aqm().kind(),
                ms.ecnMarks.value(), ms.aqmDrops.value(), ms.queuedFrames.mean(nowPs), sojourn);
    }

    /** One direction of a link: the port that sends into it, for the wire's busy time. */
    record WireEnd(String link, String from, String to, MacPort sender) {
    }

    /** Both directions of every link, in scenario order (a-&gt;b, then b-&gt;a). */
    List<WireEnd> wireEnds() {
        List<WireEnd> out = new ArrayList<>(2 * ends.size());
        for (Ends e : ends) {
            out.add(new WireEnd(e.link.name(), e.a, e.b, e.portA));
            out.add(new WireEnd(e.link.name(), e.b, e.a, e.portB));
        }
        return out;
    }

    /** A link, the nodes at its ends and the ports sending into it (a sends a-&gt;b, b sends b-&gt;a). */
    private record Ends(Link link, String a, String b, MacPort portA, MacPort portB) {
    }
}
