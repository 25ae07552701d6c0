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
 * its route ({@link MtuCheck}); then what the model needs
 * ({@link ModelChecks}) and whether the run fits its budget ({@link Budget}). Linear in the
 * size of the scenario (name sets are hashed; lists in messages are cut short), so a file with
 * a million hosts is answered at once.
 */
public final class ScenarioValidator {
    /** One cross-reference problem, before it is located in the file. */
    public record Issue(String path, String message, String expected, String suggestion) {
    }

    private ScenarioValidator() {
    }

    /** Every cross-reference problem of {@code s}, in document order; empty if it is consistent. */
    public static List<Issue> check(Scenario s) {
        List<Issue> issues = references(s);
        if (issues.isEmpty()) {
            ModelChecks.check(s, issues);
        }
        if (issues.isEmpty()) {
            Budget.check(s, issues);
        }
        return issues.size() > MAX_ISSUES ? List.copyOf(issues.subList(0, MAX_ISSUES)) : issues;
    }

    /** At most this many problems are reported at once. */
    static final int MAX_ISSUES = 20;

    private static List<Issue> references(Scenario s) {
        List<Issue> issues = new ArrayList<>();
        Names hostNames = new Names();
        Names nodeNames = new Names();
        for (int i = 0; i < s.hosts().size(); i++) {
            unique(issues, nodeNames, s.hosts().get(i).name(), "hosts[" + i + "].name", "host or switch");
            hostNames.add(s.hosts().get(i).name());
        }
        for (int i = 0; i < s.switches().size(); i++) {
            unique(issues, nodeNames, s.switches().get(i).name(), "switches[" + i + "].name", "host or switch");
        }
        Names linkNames = new Names();
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
                            + nodeNames.shortList(), nodeNames.closest(end)));
                } else if (hostNames.contains(end) && portsUsed.merge(end, 1, Integer::sum) > 1) {
                    issues.add(new Issue(path, "host '" + end + "' is already on another link",
                            "one link per host (a host has one NIC port); join more hosts through a switch", ""));
                }
                adjacency.computeIfAbsent(end, k -> new ArrayList<>()).add(l.between().get(1 - j));
            }
        }
        Map<String, Integer> reach = new HashMap<>();
        long endPs = s.stop().until() == StopMode.DURATION ? s.stop().durationPs() : s.stop().limitPs();
        Names workloadNames = new Names();
        for (int i = 0; i < s.workloads().size(); i++) {
            WorkloadSpec w = s.workloads().get(i);
            String p = "workloads[" + i + "]";
            unique(issues, workloadNames, w.name(), p + ".name", "workload");
            boolean known = host(issues, hostNames, w.from(), p + ".from") & host(issues, hostNames, w.to(), p + ".to");
            if (known && !reachable(reach, adjacency, w.from(), w.to())) {
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
            if (issues.size() > MAX_ISSUES) {
                break;
            }
        }
        MtuCheck.check(s, issues);
        return issues;
    }

    private static void unique(List<Issue> issues, Names seen, String name, String path, String what) {
        if (!seen.add(name)) {
            issues.add(new Issue(path, "duplicate " + what + " name '" + name + "'", "a unique name", ""));
        }
    }

    private static boolean host(List<Issue> issues, Names hosts, String name, String path) {
        if (hosts.contains(name)) {
            return true;
        }
        issues.add(new Issue(path, "unknown host '" + name + "'", "a host name: " + hosts.shortList(),
                hosts.closest(name)));
        return false;
    }

    private static void link(List<Issue> issues, Names links, String name, String path) {
        if (!links.contains(name)) {
            issues.add(new Issue(path, "unknown link '" + name + "'", "a link name: " + links.shortList(),
                    links.closest(name)));
        }
    }

    /**
     * Whether {@code to} is in the connected part of {@code from}: each part is labelled once
     * (by the index of its first visit) and the label kept, so many workloads cost one walk.
     */
    private static boolean reachable(Map<String, Integer> part, Map<String, List<String>> adjacency,
                                     String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        if (!part.containsKey(from)) {
            int label = part.size();
            ArrayDeque<String> todo = new ArrayDeque<>();
            todo.add(from);
            part.put(from, label);
            while (!todo.isEmpty()) {
                for (String m : adjacency.getOrDefault(todo.poll(), List.of())) {
                    if (part.putIfAbsent(m, label) == null) {
                        todo.add(m);
                    }
                }
            }
        }
        return part.get(from).equals(part.get(to));
    }

    /** Names in document order with hashed lookups; messages list only the first few. */
    private static final class Names {
        private static final int SHOWN = 10;
        private final List<String> ordered = new ArrayList<>();
        private final Set<String> set = new HashSet<>();

        boolean add(String name) {
            if (!set.add(name)) {
                return false;
            }
            ordered.add(name);
            return true;
        }

        boolean contains(String name) {
            return set.contains(name);
        }

        String shortList() {
            if (ordered.size() <= SHOWN) {
                return String.join(", ", ordered);
            }
            return String.join(", ", ordered.subList(0, SHOWN)) + ", ... (" + ordered.size() + " in all)";
        }

        /** A "did you mean" only among few names (the edit distance is quadratic in length). */
        String closest(String name) {
            return ordered.size() <= 1000 && name != null && name.length() <= 64 ? Suggest.closest(name, ordered) : "";
        }
    }
}
