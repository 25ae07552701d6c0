package org.toesim.tcp.segment;

import java.util.List;

/**
 * The TCP options of one segment, decoded. {@code -1} (or {@code false}, or an empty list)
 * means absent.
 *
 * @param mssBytes      MSS option (RFC 9293 §3.7.1), SYN only
 * @param windowScale   window scale shift (RFC 7323 §2), SYN only, 0..14
 * @param sackPermitted SACK-permitted (RFC 2018 §2), SYN only
 * @param hasTimestamps whether the timestamps option (RFC 7323 §3) is present
 * @param tsVal         TSval, meaningful if {@code hasTimestamps}
 * @param tsEcr         TSecr, meaningful if {@code hasTimestamps}
 * @param sackBlocks    SACK blocks (RFC 2018 §3), at most 4 (3 with timestamps)
 */
public record TcpOptions(int mssBytes, int windowScale, boolean sackPermitted,
                         boolean hasTimestamps, int tsVal, int tsEcr, List<SackBlock> sackBlocks) {
    /** No options. */
    public static final TcpOptions NONE = new TcpOptions(-1, -1, false, false, 0, 0, List.of());

    public TcpOptions {
        sackBlocks = List.copyOf(sackBlocks);
        if (windowScale > 14) {
            throw new IllegalArgumentException("window scale " + windowScale + " > 14 (RFC 7323 §2.3)");
        }
    }

    /** Encoded length in bytes, padded to a multiple of 4 as on the wire. */
    public int encodedLenBytes() {
        int len = 0;
        if (mssBytes >= 0) {
            len += 4;
        }
        if (windowScale >= 0) {
            len += 3;
        }
        if (sackPermitted) {
            len += 2;
        }
        if (hasTimestamps) {
            len += 10;
        }
        if (!sackBlocks.isEmpty()) {
            len += 2 + 8 * sackBlocks.size();
        }
        return (len + 3) & ~3;
    }

    /** This set of options with the timestamps replaced. */
    public TcpOptions withTimestamps(int newTsVal, int newTsEcr) {
        return new TcpOptions(mssBytes, windowScale, sackPermitted, true, newTsVal, newTsEcr, sackBlocks);
    }
}
