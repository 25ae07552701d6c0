package org.toesim.scenario.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cross-reference checks that no single record can make: names are unique, links join known
 * nodes, each host has one NIC port, workloads join two hosts that can reach each other, faults
 * name known links and hosts and fall inside the run, every workload's segments fit the MTUs on
 * its route ({@link MtuCheck}).
 */
public final class ScenarioValidator {
    /** One cross-reference problem, before it is located in the file. */
    public record Issue(String path, String message, String expected, String suggestion) {
    }

    private ScenarioValidator() {
    }

    /** Every cross-reference problem of {@code s}, in document order; empty if it is consistent. */
    public static List<Issue> check(Scenario s) {
        List<Issue> issues = new ArrayList<>();
        List<String> hostNames = new ArrayList<>();
        List<String> nodeNames = new ArrayList<>();
        for (int i = 0; i < s.hosts().size(); i++) {
            unique(issues, nodeNames, s.hosts().get(i).name(), "hosts[" + i + "].name", "host or switch");
            hostNames.add(s.hosts().get(i).name());
        }
        for (int i = 0; i < s.switches().size(); i++) {
            unique(issues, nodeNames, s.switches().get(i).name(), "switches[" + i + "].name", "host or switch");
        }
        List<String> linkNames = new ArrayList<>();
        Map<String, Integer> portsUsed = new HashMap<>();
        Map<String, List<String>> adjacency = new HashMap<>();
        for (int i = 0; i < s.links().size(); i++) {
            LinkSpec l = s.links().get(i);
            unique(issues, linkNames, l.name(), "links[" + i + "].name", "link");
            for (int j = 0; j < 2; j++) {
                String end = l.between().get(j);
                String path = "links[" + i + "].between[" + j + "]";
                if (!nodeNames.contains(end)) {
                    issues.add(new Issue(path, "unknown node '" + end + "'", "a host or switch name: "
                            + String.join(", ", nodeNames), Suggest.closest(end, nodeNames)));
                } else if (hostNames.contains(end) && portsUsed.merge(end, 1, Integer::sum) > 1) {
                    issues.add(new Issue(path, "host '" + end + "' is already on another link",
                            "one link per host (a host has one NIC port); join more hosts through a switch", ""));
                }
                adjacency.computeIfAbsent(end, k -> new ArrayList<>()).add(l.between().get(1 - j));
            }
        }
        long endPs = s.stop().until() == StopMode.DURATION ? s.stop().durationPs() : s.stop().limitPs();
        List<String> workloadNames = new ArrayList<>();
        for (int i = 0; i < s.workloads().size(); i++) {
            WorkloadSpec w = s.workloads().get(i);
            String p = "workloads[" + i + "]";
            unique(issues, workloadNames, w.name(), p + ".name", "workload");
            boolean known = host(issues, hostNames, w.from(), p + ".from") & host(issues, hostNames, w.to(), p + ".to");
            if (known && !reachable(adjacency, w.from(), w.to())) {
                issues.add(new Issue(p + ".to", "host '" + w.to() + "' cannot be reached from '" + w.from() + "'",
                        "a path of links between the two hosts", ""));
            }
            if (w.startPs() >= endPs) {
                issues.add(new Issue(p + ".start", "starts after the run ends", "a start before the stop time", ""));
            }
        }
        for (int i = 0; i < s.faults().size(); i++) {
            FaultSpec f = s.faults().get(i);
            String p = "faults[" + i + "]";
            if (f instanceof FaultSpec.LinkDown d) {
                link(issues, linkNames, d.link(), p + ".link");
            } else if (f instanceof FaultSpec.LinkUp u) {
                link(issues, linkNames, u.link(), p + ".link");
            } else if (f instanceof FaultSpec.LossBurst b) {
                link(issues, linkNames, b.link(), p + ".link");
            } else if (f instanceof FaultSpec.CardReset r) {
                host(issues, hostNames, r.host(), p + ".host");
            }
            if (f.atPs() >= endPs) {
                issues.add(new Issue(p + ".at", "is after the run ends", "a time before the stop time", ""));
            }
        }
        MtuCheck.check(s, issues);
        return issues;
    }

    private static void unique(List<Issue> issues, List<String> seen, String name, String path, String what) {
        if (seen.contains(name)) {
            issues.add(new Issue(path, "duplicate " + what + " name '" + name + "'", "a unique name", ""));
        } else {
            seen.add(name);
        }
    }

    private static boolean host(List<Issue> issues, List<String> hosts, String name, String path) {
        if (hosts.contains(name)) {
            return true;
        }
        issues.add(new Issue(path, "unknown host '" + name + "'", "a host name: " + String.join(", ", hosts),
                Suggest.closest(name, hosts)));
        return false;
    }

    private static void link(List<Issue> issues, List<String> links, String name, String path) {
        if (!links.contains(name)) {
            issues.add(new Issue(path, "unknown link '" + name + "'", "a link name: " + String.join(", ", links),
                    Suggest.closest(name, links)));
        }
    }

    private static boolean reachable(Map<String, List<String>> adjacency, String from, String to) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>();
        todo.add(from);
        seen.add(from);
        while (!todo.isEmpty()) {
            String n = todo.poll();
            if (n.equals(to)) {
                return true;
            }
            for (String m : adjacency.getOrDefault(n, List.of())) {
                if (seen.add(m)) {
                    todo.add(m);
                }
            }
        }
        return false;
    }
}
