package org.toesim.scenario.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that every workload's segments fit the MTUs on its path, so a run can never lose every
 * full-sized frame to an MTU drop and still end "successfully".
 *
 * <pre>
 *   workload from -&gt; to, route = fewest-hop path through switches (as the switches forward)
 *   MSS used   = tcp.mss if set, else min(MTU(from), MTU(to)) - 40  (each host advertises
 *                MTU - 40; TCP takes the smaller, RFC 9293 3.7.1 / RFC 6691)
 *   packet     = MSS + 40 (IPv4 + TCP headers; the 12 timestamp bytes come out of the MSS)
 *   packet &gt; MTU of an end host   --&gt; error at workloads[i].tcp.mss
 *   packet &gt; MTU of a switch on the route --&gt; error at switches[k].mtu
 *   link queue &lt; one frame of the larger MTU at its ends --&gt; error at links[i].queue
 * </pre>
 * Two ends of a link with different MTUs are fine when TCP's MSS negotiation keeps the segments
 * within the smaller one (a 9000-byte host talking to a 1500-byte host uses MSS 1460, as on a
 * real network); they are rejected only where frames would be dropped, which is what the two
 * rules above catch. Unknown hosts and unreachable pairs are reported by {@link ScenarioValidator}.
 */
final class MtuCheck {
    private MtuCheck() {
    }

    /** Adds an issue for every workload whose packets exceed an MTU on its route. */
    static void check(Scenario s, List<ScenarioValidator.Issue> issues) {
        Map<String, Integer> hostIndex = new HashMap<>();
        for (int i = 0; i < s.hosts().size(); i++) {
            hostIndex.putIfAbsent(s.hosts().get(i).name(), i);
        }
        Map<String, Integer> switchIndex = new HashMap<>();
        for (int i = 0; i < s.switches().size(); i++) {
            switchIndex.putIfAbsent(s.switches().get(i).name(), i);
        }
        linkQueues(s, hostIndex, switchIndex, issues);
        List<Integer> reported = new ArrayList<>();
        for (int i = 0; i < s.workloads().size(); i++) {
            WorkloadSpec w = s.workloads().get(i);
            Integer from = hostIndex.get(w.from());
            Integer to = hostIndex.get(w.to());
            if (from == null || to == null) {
                continue;
            }
            List<String> route = route(s, w.from(), w.to(), hostIndex);
            if (route == null) {
                continue;
            }
            checkWorkload(s, i, from, to, route, switchIndex, reported, issues);
        }
    }

    private static void checkWorkload(Scenario s, int i, int from, int to, List<String> route,
                                      Map<String, Integer> switchIndex, List<Integer> reported,
                                      List<ScenarioValidator.Issue> issues) {
        WorkloadSpec w = s.workloads().get(i);
        TcpSpec tcp = w.tcp();
        int mtuFrom = s.hosts().get(from).nic().mtuBytes();
        int mtuTo = s.hosts().get(to).nic().mtuBytes();
        int hostMtu = Math.min(mtuFrom, mtuTo);
        int packetBytes = tcp.mssFor(hostMtu) + TcpSpec.IP_TCP_HEADER_BYTES;
        String p = "workloads[" + i + "]";
        if (tcp.mssExplicit() && packetBytes > hostMtu) {
            int small = mtuFrom <= mtuTo ? from : to;
            issues.add(new ScenarioValidator.Issue(p + ".tcp.mss",
                    "MSS " + tcp.mssBytes() + " needs " + packetBytes + "-byte IP packets (MSS + 40 bytes of IPv4 "
                            + "and TCP headers), but host '" + s.hosts().get(small).name() + "' has an MTU of "
                            + hostMtu + " (hosts[" + small + "].nic.mtu); its frames would be dropped",
                    "an MSS of at most " + (hostMtu - TcpSpec.IP_TCP_HEADER_BYTES) + (packetBytes <= NicSpec.MAX_MTU_BYTES
                            ? ", or nic.mtu >= " + packetBytes + " on both hosts"
                            : " (the largest nic.mtu, " + NicSpec.MAX_MTU_BYTES + ", allows MSS "
                                    + (NicSpec.MAX_MTU_BYTES - TcpSpec.IP_TCP_HEADER_BYTES) + ")"), ""));
            return;
        }
        for (String node : route) {
            Integer k = switchIndex.get(node);
            if (k == null || reported.contains(k)) {
                continue;
            }
            int swMtu = s.switches().get(k).mtuBytes();
            if (packetBytes > swMtu) {
                reported.add(k);
                issues.add(new ScenarioValidator.Issue("switches[" + k + "].mtu",
                        "switch '" + node + "' forwards IP packets of at most " + swMtu + " bytes, but " + p
                                + " (" + w.from() + " -> " + w.to() + ") sends " + packetBytes + "-byte packets ("
                                + (tcp.mssExplicit() ? "tcp.mss " + tcp.mssBytes() : "MSS from the hosts' MTU "
                                + hostMtu) + " + 40); they would be dropped",
                        "mtu >= " + packetBytes + " on the switch, or a smaller nic.mtu or tcp.mss", ""));
            }
        }
    }

    /**
     * A link's drop-tail queue (in bytes) must hold one frame of the largest MTU at its ends:
     * a smaller queue drops every frame that has to wait behind another one.
     */
    private static void linkQueues(Scenario s, Map<String, Integer> hosts, Map<String, Integer> switches,
                                   List<ScenarioValidator.Issue> issues) {
        for (int i = 0; i < s.links().size(); i++) {
            LinkSpec l = s.links().get(i);
            int mtu = 0;
            for (String end : l.between()) {
                Integer h = hosts.get(end);
                Integer k = switches.get(end);
                mtu = Math.max(mtu, h != null ? s.hosts().get(h).nic().mtuBytes()
                        : k != null ? s.switches().get(k).mtuBytes() : 0);
            }
            long frameBytes = mtu + ETHERNET_HEADER_BYTES;
            if (mtu > 0 && l.queueBytes() > 0 && l.queueBytes() < frameBytes) { // 0: no byte limit (queueFrames only)
                issues.add(new ScenarioValidator.Issue("links[" + i + "].queue",
                        l.queueBytes() + " bytes cannot hold one " + frameBytes + "-byte frame (MTU " + mtu
                                + " + 14 bytes of Ethernet header); every frame that waits would be dropped",
                        "a queue of at least " + frameBytes + " bytes, such as \"1MiB\"", ""));
            }
        }
    }

    /** Ethernet header in front of the IP packet (the FCS is not queued). */
    private static final int ETHERNET_HEADER_BYTES = 14;

    /** Nodes from {@code from} to {@code to} on a fewest-hop path (hosts do not forward); null if none. */
    private static List<String> route(Scenario s, String from, String to, Map<String, Integer> hosts) {
        Map<String, String> parent = new HashMap<>();
        ArrayDeque<String> todo = new ArrayDeque<>();
        parent.put(from, from);
        todo.add(from);
        while (!todo.isEmpty()) {
            String n = todo.poll();
            if (n.equals(to)) {
                List<String> path = new ArrayList<>();
                for (String at = to; !at.equals(from); at = parent.get(at)) {
                    path.add(0, at);
                }
                path.add(0, from);
                return path;
            }
            if (!n.equals(from) && hosts.containsKey(n)) {
                continue;
            }
            for (LinkSpec l : s.links()) {
                int end = l.between().indexOf(n);
                if (end >= 0) {
                    String m = l.between().get(1 - end);
                    if (parent.putIfAbsent(m, n) == null) {
                        todo.add(m);
                    }
                }
            }
        }
        return null;
    }
}
