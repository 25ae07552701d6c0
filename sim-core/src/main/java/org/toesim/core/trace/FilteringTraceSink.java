package org.toesim.core.trace;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link TraceSink} in front of another that keeps the records of some categories and,
 * optionally, of one connection: records about other connections are dropped, records tied to
 * no connection (a CPU work item, a DMA of ring entries) are kept, so the category filter is
 * what trims those.
 *
 * <p>A connection filter is one endpoint ({@code 10.0.0.1:40000}) or both
 * ({@code 10.0.0.1:40000>10.0.0.2:5001}, either order): a record matches when every endpoint
 * named is one of its connection's two.
 */
public final class FilteringTraceSink implements TraceSink {
    private final TraceSink next;
    private final EnumSet<TraceCategory> categories;
    private final String[] endpoints;

    /**
     * @param next        where kept records go
     * @param categories  the categories kept
     * @param connection  the connection filter, or null for every connection
     * @throws IllegalArgumentException if {@code connection} is not {@code ip:port} or
     *                                  {@code ip:port>ip:port}
     */
    public FilteringTraceSink(TraceSink next, Set<TraceCategory> categories, String connection) {
        this.next = Objects.requireNonNull(next, "next");
        this.categories = categories.isEmpty() ? EnumSet.noneOf(TraceCategory.class) : EnumSet.copyOf(categories);
        this.endpoints = connection == null ? new String[0] : parseConnection(connection);
    }

    /** Checks a connection filter; returns its endpoints. */
    public static String[] parseConnection(String connection) {
        String[] parts = connection.trim().split(">", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("connection filter '" + connection + "': expected ip:port or "
                    + "ip:port>ip:port");
        }
        for (String p : parts) {
            if (!p.matches("\\d{1,3}(\\.\\d{1,3}){3}:\\d{1,5}")) {
                throw new IllegalArgumentException("connection filter '" + connection + "': '" + p
                        + "' is not ip:port (e.g. 10.0.0.1:40000)");
            }
        }
        return parts;
    }

    @Override
    public boolean enabled() {
        return next.enabled() && !categories.isEmpty();
    }

    @Override
    public boolean enabled(TraceCategory category) {
        return next.enabled() && categories.contains(category);
    }

    @Override
    public void record(long timePs, String component, TraceRecord record) {
        if (!categories.contains(record.traceCategory())) {
            return;
        }
        if (endpoints.length > 0) {
            TraceText conn = record.conn();
            if (conn != null && !matches(conn.traceText())) {
                return;
            }
        }
        next.record(timePs, component, record);
    }

    private boolean matches(String connText) {
        int cut = connText.indexOf('>');
        String a = cut < 0 ? connText : connText.substring(0, cut);
        String b = cut < 0 ? "" : connText.substring(cut + 1);
        for (String e : endpoints) {
            if (!e.equals(a) && !e.equals(b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        next.close();
    }
}
