package org.toesim.core.trace;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The part of the system a trace record comes from; {@code --trace=offload,pcie,tcp} keeps only
 * the named categories. One per lifeline of the sequence chart, so a filtered trace still draws.
 */
public enum TraceCategory {
    /** The application (workload) calling its socket. */
    APP(true),
    /** Socket calls and their results. */
    SOCKET(true),
    /** A TCP engine's state, window and retransmission decisions, on the host or on the card. */
    TCP(false),
    /** The host's offload manager: policy, handoff, posted buffers, flush. */
    OFFLOAD(false),
    /** The host's adapter driver: commands and completions. */
    DRIVER(true),
    /** Host CPU work items (one per cost charged). */
    CPU(false),
    /** PCIe transactions: MMIO, DMA reads and writes, MSI-X. */
    PCIE(true),
    /** The plain NIC and the MAC (drops). */
    NIC(false),
    /** The TOE card: commands, classifier decisions, placements. */
    CARD(true),
    /** Frames on links and switches. */
    WIRE(true),
    /** Anything else. */
    OTHER(false);

    private final boolean perTransaction;

    TraceCategory(boolean perTransaction) {
        this.perTransaction = perTransaction;
    }

    /**
     * One record per bus transaction, frame or call, stamped with the clock when it is built:
     * built only when a sink takes the category (a checking sink has nothing to check in them).
     */
    public boolean perTransaction() {
        return perTransaction;
    }

    /** The lower-case name used on the command line and in files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a comma-separated list ({@code "offload,pcie,tcp"}; {@code "all"} for every
     * category).
     *
     * @throws IllegalArgumentException naming the unknown entry and the known ones
     */
    public static Set<TraceCategory> parseList(String list) {
        EnumSet<TraceCategory> out = EnumSet.noneOf(TraceCategory.class);
        for (String part : list.split(",", -1)) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.equals("all")) {
                out.addAll(EnumSet.allOf(TraceCategory.class));
                continue;
            }
            TraceCategory found = null;
            for (TraceCategory c : values()) {
                if (c.label().equals(p)) {
                    found = c;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown trace category '" + part.trim() + "' (expected all or a "
                        + "comma-separated list of " + known() + ")");
            }
            out.add(found);
        }
        return out;
    }

    private static String known() {
        StringBuilder b = new StringBuilder();
        for (TraceCategory c : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(c.label());
        }
        return b.toString();
    }
}
