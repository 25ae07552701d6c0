package org.toesim.scenario.fidelity;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The receiver-side timeline of the one bulk TCP connection in a capture (classic pcap, micro- or
 * nanosecond, either byte order, optionally gzip-compressed; Ethernet II / IPv4 / TCP): what
 * pcapcheck does not report. Times count from the SYN as it passes the capture point.
 *
 * <pre>
 *   SYN (client -&gt; server) --&gt; ISN, client wscale      SYN-ACK --&gt; server wscale
 *   data frame, seq &lt;= rcvNxt --&gt; rcvNxt advances (and swallows buffered out-of-order ranges)
 *   data frame, seq &gt;  rcvNxt --&gt; a hole: the first one is the "first loss"; range buffered
 *   pure ACK (server -&gt; client) --&gt; counted
 * </pre>
 *
 * Only IP total length is trusted for payload sizes, so snaplen-truncated captures (the
 * references use 128 bytes) read the same as full ones. Sequence numbers are taken relative to
 * the ISN modulo 2^32, which is exact for transfers below 4 GiB.
 *
 * @param timeTo1MiBNs  SYN to the frame that completes the first 1 MiB in order, or -1
 * @param firstLossNs   SYN to the first data frame beyond a hole (a segment lost upstream), or -1
 * @param framesBeforeFirstLoss data frames that arrived before that frame, or -1 without a loss
 *                      (the lost frame was about number {@code framesBeforeFirstLoss + 1} sent)
 * @param bytesAtFirstLoss in-order bytes the receiver had when the first hole appeared, or -1
 * @param dataFrames    client-to-server frames carrying payload
 * @param ackFrames     server-to-client frames with no payload, SYN or FIN (pure ACKs)
 * @param holes         data frames that arrived beyond a hole (each loss episode counts its frames)
 * @param deliveredBytes in-order payload bytes at the end
 * @param curve         (time since SYN in ns, in-order bytes) each time 16 KiB more arrived in order
 */
public record PcapFlow(long timeTo1MiBNs, long firstLossNs, long framesBeforeFirstLoss, long bytesAtFirstLoss,
                       long dataFrames, long ackFrames, long holes,
                       long deliveredBytes, List<long[]> curve) {
    /** Bytes in the slow-start probe point. */
    public static final long ONE_MIB = 1L << 20;
    private static final long CURVE_STEP_BYTES = 16 * 1024;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int PROTO_TCP = 6;
    private static final int FLAG_FIN = 0x01;
    private static final int FLAG_SYN = 0x02;
    private static final int FLAG_ACK = 0x10;

    /** Time to 1 MiB in milliseconds (NaN if never). */
    public double timeTo1MiBMs() {
        return timeTo1MiBNs < 0 ? Double.NaN : timeTo1MiBNs / 1e6;
    }

    /** Time to the first loss in milliseconds (NaN if none). */
    public double firstLossMs() {
        return firstLossNs < 0 ? Double.NaN : firstLossNs / 1e6;
    }

    /** Pure ACKs per data frame. */
    public double ackRatio() {
        return dataFrames == 0 ? 0 : (double) ackFrames / dataFrames;
    }

    /**
     * SYN to the moment {@code bytes} had arrived in order, in milliseconds (from the curve: the
     * first 16 KiB step at or above {@code bytes}); NaN if never.
     */
    public double timeToBytesMs(long bytes) {
        for (long[] p : curve) {
            if (p[1] >= bytes) {
                return p[0] / 1e6;
            }
        }
        return Double.NaN;
    }

    /** In-order bytes delivered by {@code tNs} after the SYN (from the curve, so to 16 KiB). */
    public long deliveredBy(long tNs) {
        long bytes = 0;
        for (long[] p : curve) {
            if (p[0] > tNs) {
                break;
            }
            bytes = p[1];
        }
        return bytes;
    }

    /** Reads {@code file} (gzip if it ends in {@code .gz}). */
    public static PcapFlow read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            return read(new DataInputStream(in));
        }
    }

    private static PcapFlow read(DataInputStream in) throws IOException {
        byte[] global = new byte[24];
        in.readFully(global);
        ByteBuffer g = ByteBuffer.wrap(global).order(ByteOrder.LITTLE_ENDIAN);
        int magic = g.getInt(0);
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) {
            order = ByteOrder.BIG_ENDIAN;
            magic = Integer.reverseBytes(magic);
        }
        long fracToNs;
        if (magic == 0xa1b2c3d4) {
            fracToNs = 1000;
        } else if (magic == 0xa1b23c4d) {
            fracToNs = 1;
        } else {
            throw new IOException("not a pcap file (magic " + Integer.toHexString(magic) + ")");
        }
        if (ByteBuffer.wrap(global).order(order).getInt(20) != 1) {
            throw new IOException("not an Ethernet capture");
        }
        Builder b = new Builder();
        byte[] rec = new byte[16];
        byte[] frame = new byte[256];
        while (true) {
            try {
                in.readFully(rec);
            } catch (EOFException end) {
                break;
            }
            ByteBuffer r = ByteBuffer.wrap(rec).order(order);
            long tNs = (r.getInt(0) & 0xffffffffL) * 1_000_000_000L + (r.getInt(4) & 0xffffffffL) * fracToNs;
            int incl = r.getInt(8);
            int keep = Math.min(incl, frame.length);
            in.readFully(frame, 0, keep);
            in.skipNBytes(incl - keep);
            b.frame(tNs, ByteBuffer.wrap(frame, 0, keep).order(ByteOrder.BIG_ENDIAN), keep);
        }
        return b.build();
    }

    /** Folds frames into the timeline. */
    private static final class Builder {
        private long synNs = -1;
        private int clientAddr;
        private int clientPort;
        private long isn = -1;
        private long rcvNxt;
        private final TreeMap<Long, Long> outOfOrder = new TreeMap<>();
        private long timeTo1MiBNs = -1;
        private long firstLossNs = -1;
        private long framesBeforeFirstLoss = -1;
        private long bytesAtFirstLoss = -1;
        private long dataFrames;
        private long ackFrames;
        private long holes;
        private long nextCurveBytes = CURVE_STEP_BYTES;
        private final List<long[]> curve = new ArrayList<>();

        void frame(long tNs, ByteBuffer f, int len) {
            if (len < 14 + 20 || (f.getShort(12) & 0xffff) != ETHERTYPE_IPV4) {
                return;
            }
            int ip = 14;
            int ihl = (f.get(ip) & 0x0f) * 4;
            if ((f.get(ip + 9) & 0xff) != PROTO_TCP || len < ip + ihl + 20) {
                return;
            }
            int ipTotal = f.getShort(ip + 2) & 0xffff;
            int src = f.getInt(ip + 12);
            int tcp = ip + ihl;
            int srcPort = f.getShort(tcp) & 0xffff;
            long seq = f.getInt(tcp + 4) & 0xffffffffL;
            int thl = ((f.get(tcp + 12) & 0xf0) >> 4) * 4;
            int flags = f.get(tcp + 13) & 0xff;
            int payload = ipTotal - ihl - thl;
            if ((flags & FLAG_SYN) != 0 && (flags & FLAG_ACK) == 0) {
                if (synNs < 0) {
                    synNs = tNs;
                    clientAddr = src;
                    clientPort = srcPort;
                    isn = (seq + 1) & 0xffffffffL;
                    rcvNxt = 0;
                    curve.add(new long[] {0, 0});
                }
                return;
            }
            if (synNs < 0) {
                return;
            }
            boolean fromClient = src == clientAddr && srcPort == clientPort;
            if (!fromClient) {
                if (payload == 0 && (flags & (FLAG_SYN | FLAG_FIN)) == 0) {
                    ackFrames++;
                }
                return;
            }
            if (payload > 0) {
                dataFrames++;
                data(tNs - synNs, (seq - isn) & 0xffffffffL, payload);
            }
        }

        private void data(long atNs, long rel, int payload) {
            long end = rel + payload;
            if (rel > rcvNxt) {
                holes++;
                if (firstLossNs < 0) {
                    firstLossNs = atNs;
                    framesBeforeFirstLoss = dataFrames - 1; // this frame is already counted
                    bytesAtFirstLoss = rcvNxt;
                }
                Long have = outOfOrder.get(rel);
                if (have == null || have < end) {
                    outOfOrder.put(rel, end);
                }
                return;
            }
            if (end <= rcvNxt) {
                return;
            }
            rcvNxt = end;
            Map.Entry<Long, Long> e;
            while ((e = outOfOrder.firstEntry()) != null && e.getKey() <= rcvNxt) {
                rcvNxt = Math.max(rcvNxt, e.getValue());
                outOfOrder.pollFirstEntry();
            }
            if (timeTo1MiBNs < 0 && rcvNxt >= ONE_MIB) {
                timeTo1MiBNs = atNs;
            }
            while (rcvNxt >= nextCurveBytes) {
                curve.add(new long[] {atNs, nextCurveBytes});
                nextCurveBytes += CURVE_STEP_BYTES;
            }
        }

        PcapFlow build() {
            return new PcapFlow(timeTo1MiBNs, firstLossNs, framesBeforeFirstLoss, bytesAtFirstLoss, dataFrames, ackFrames, holes, rcvNxt, List.copyOf(curve));
        }
    }
}
