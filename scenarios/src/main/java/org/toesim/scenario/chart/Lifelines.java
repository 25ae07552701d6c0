package org.toesim.scenario.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every lifeline name seen (a record's component, a message's from and to), numbered in order of
 * first appearance, and the display order of the charts:
 *
 * <ol>
 *   <li>the focus host's parts: the host named by the option, else the host of the first
 *       {@code <host>.offload} lifeline, else the first host seen;</li>
 *   <li>every other lifeline that is not a host part (links, wires, switches: {@code link0.ab},
 *       {@code sw0}), in order of first appearance;</li>
 *   <li>the other hosts, in order of first appearance.</li>
 * </ol>
 *
 * A name {@code h.p} is a host part when {@code p} is one of {@link #HOST_PARTS}; then {@code h} is a
 * host, and any other {@code h.q} belongs to that host too, after its known parts. Within a host
 * the parts go in {@link #HOST_PARTS} order: from the application down to the card.
 */
public final class Lifelines {
    /** The parts of a host, top (application) to bottom (the card on the wire). */
    public static final List<String> HOST_PARTS =
            List.of("app", "socket", "tcp", "offload", "driver", "cpu", "pcie", "nic", "card");

    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();
    private String firstOffloadHost;

    /** The id of {@code name}, registering it on first sight. */
    int id(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            id = names.size();
            ids.put(name, id);
            names.add(name);
            if (firstOffloadHost == null && "offload".equals(part(name))) {
                firstOffloadHost = host(name);
            }
        }
        return id;
    }

    /** The names by id (first appearance). */
    List<String> names() {
        return names;
    }

    /** The focus host: {@code requested} if it is a host of this trace, else the rule above; null without hosts. */
    String focusHost(String requested) {
        List<String> hosts = hosts();
        if (requested != null && hosts.contains(requested)) {
            return requested;
        }
        if (firstOffloadHost != null) {
            return firstOffloadHost;
        }
        return hosts.isEmpty() ? null : hosts.get(0);
    }

    /** Every lifeline id in display order (see the class comment). */
    int[] displayOrder(String requestedFocus) {
        List<String> hosts = hosts();
        String focus = focusHost(requestedFocus);
        List<Integer> order = new ArrayList<>();
        if (focus != null) {
            addHost(order, focus);
        }
        for (int id = 0; id < names.size(); id++) {
            String h = host(names.get(id));
            if (h == null || !hosts.contains(h)) {
                order.add(id);
            }
        }
        for (String h : hosts) {
            if (!h.equals(focus)) {
                addHost(order, h);
            }
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The host a lifeline belongs to, or "" for a wire/link/switch lifeline. */
    String group(int id) {
        String h = host(names.get(id));
        return h != null && hosts().contains(h) ? h : "";
    }

    private void addHost(List<Integer> order, String host) {
        for (String p : HOST_PARTS) {
            Integer id = ids.get(host + "." + p);
            if (id != null) {
                order.add(id);
            }
        }
        for (int id = 0; id < names.size(); id++) {
            String n = names.get(id);
            if (host.equals(host(n)) && !HOST_PARTS.contains(part(n))) {
                order.add(id);
            }
        }
    }

    /** Hosts in order of first appearance of any of their lifelines. */
    private List<String> hosts() {
        List<String> known = new ArrayList<>();
        for (String n : names) {
            String part = part(n); // null for a switch ("sw0"): List.of(...).contains(null) throws
            if (part != null && HOST_PARTS.contains(part) && !known.contains(host(n))) {
                known.add(host(n));
            }
        }
        List<String> hosts = new ArrayList<>();
        for (String n : names) {
            String h = host(n);
            if (h != null && known.contains(h) && !hosts.contains(h)) {
                hosts.add(h);
            }
        }
        return hosts;
    }

    private static String host(String name) {
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : null;
    }

    private static String part(String name) {
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(dot + 1) : null;
    }
}
