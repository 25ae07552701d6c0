package org.toesim.scenario.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connections named by {@code conn} fields, numbered in order of first appearance. {@code x>y}
 * and {@code y>x} are one connection, shown as first seen; a name without {@code >} is its own key.
 */
final class Connections {
    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private final List<String> labels = new ArrayList<>();

    /** The id of {@code conn}, registering it on first sight. */
    int id(String conn) {
        Integer id = ids.get(key(conn));
        if (id == null) {
            id = labels.size();
            ids.put(key(conn), id);
            labels.add(conn);
        }
        return id;
    }

    /** The id of {@code conn} if it was seen, else -1. */
    int find(String conn) {
        return ids.getOrDefault(key(conn), -1);
    }

    /** The connections as first written, by id. */
    List<String> labels() {
        return labels;
    }

    /** The same key for both directions: the two endpoints in string order. */
    static String key(String conn) {
        int gt = conn.indexOf('>');
        if (gt < 0) {
            return conn.strip();
        }
        String x = conn.substring(0, gt).strip();
        String y = conn.substring(gt + 1).strip();
        return x.compareTo(y) <= 0 ? x + ">" + y : y + ">" + x;
    }
}
