package org.toesim.nic.frame;

import java.util.ArrayList;
import java.util.List;
import org.toesim.tcp.segment.SackBlock;
import org.toesim.tcp.segment.TcpOptions;

/**
 * Wire form of TCP options (RFC 9293 §3.1-§3.2): MSS (kind 2), window scale (3, RFC 7323 §2.2),
 * SACK-permitted (4, RFC 2018 §2), SACK (5, RFC 2018 §3), timestamps (8, RFC 7323 §3.2).
 *
 * <p>The encoder writes exactly {@link TcpOptions#encodedLenBytes()} bytes, in the order MSS,
 * SACK-permitted, timestamps, window scale, SACK. The 0-3 spare bytes of the padded length are
 * spent greedily on NOPs (kind 1) that align each option the way Linux does (timestamp values
 * and SACK blocks on 4-byte boundaries, window scale after one NOP); what remains ends the
 * list with End-of-Option-List (kind 0) and zero padding. A full SYN therefore reads
 * {@code MSS, SACK_PERM, TS, NOP, WS}, a data segment {@code NOP, NOP, TS}.
 */
public final class TcpOptionCodec {
    static final int EOL = 0;
    static final int NOP = 1;
    static final int MSS = 2;
    static final int WS = 3;
    static final int SACK_PERMITTED = 4;
    static final int SACK = 5;
    static final int TIMESTAMPS = 8;

    private TcpOptionCodec() {
    }

    /** Writes the options at {@code dst[off...]}; returns the number of bytes written (= encodedLenBytes). */
    public static int encode(TcpOptions o, byte[] dst, int off) {
        int total = o.encodedLenBytes();
        int slack = total - rawLenBytes(o);
        int p = off;
        if (o.mssBytes() >= 0) {
            dst[p] = MSS;
            dst[p + 1] = 4;
            putShort(dst, p + 2, o.mssBytes());
            p += 4;
        }
        if (o.sackPermitted()) {
            int n = nops(p - off, 2, slack);
            p = writeNops(dst, p, n);
            slack -= n;
            dst[p] = SACK_PERMITTED;
            dst[p + 1] = 2;
            p += 2;
        }
        if (o.hasTimestamps()) {
            int n = nops(p - off, 2, slack);
            p = writeNops(dst, p, n);
            slack -= n;
            dst[p] = TIMESTAMPS;
            dst[p + 1] = 10;
            putInt(dst, p + 2, o.tsVal());
            putInt(dst, p + 6, o.tsEcr());
            p += 10;
        }
        if (o.windowScale() >= 0) {
            int n = nops(p - off, 1, slack);
            p = writeNops(dst, p, n);
            slack -= n;
            dst[p] = WS;
            dst[p + 1] = 3;
            dst[p + 2] = (byte) o.windowScale();
            p += 3;
        }
        if (!o.sackBlocks().isEmpty()) {
            p = writeNops(dst, p, nops(p - off, 2, slack));
            p = writeSack(o.sackBlocks(), dst, p);
        }
        for (; p < off + total; p++) {
            dst[p] = EOL;
        }
        return total;
    }

    private static int writeSack(List<SackBlock> blocks, byte[] dst, int p) {
        dst[p] = SACK;
        dst[p + 1] = (byte) (2 + 8 * blocks.size());
        p += 2;
        for (int i = 0; i < blocks.size(); i++) {
            putInt(dst, p, blocks.get(i).left());
            putInt(dst, p + 4, blocks.get(i).right());
            p += 8;
        }
        return p;
    }

    /** Decodes {@code src[off, off+len)}; unknown options are skipped by their length. */
    public static TcpOptions decode(byte[] src, int off, int len) {
        if (len == 0) {
            return TcpOptions.NONE;
        }
        int mss = -1;
        int ws = -1;
        boolean sackOk = false;
        boolean ts = false;
        int tsVal = 0;
        int tsEcr = 0;
        List<SackBlock> blocks = List.of();
        int p = off;
        int end = off + len;
        while (p < end) {
            int kind = src[p] & 0xFF;
            if (kind == EOL) {
                break;
            }
            if (kind == NOP) {
                p++;
                continue;
            }
            if (p + 1 >= end) {
                throw new FrameFormatException("TCP option " + kind + " has no length byte");
            }
            int optLen = src[p + 1] & 0xFF;
            if (optLen < 2 || p + optLen > end) {
                throw new FrameFormatException("TCP option " + kind + " has bad length " + optLen);
            }
            switch (kind) {
                case MSS -> mss = getShort(src, expect(optLen, 4, kind, p) + 2);
                case WS -> ws = Math.min(14, src[expect(optLen, 3, kind, p) + 2] & 0xFF);
                case SACK_PERMITTED -> sackOk = expect(optLen, 2, kind, p) >= 0;
                case TIMESTAMPS -> {
                    ts = true;
                    tsVal = getInt(src, expect(optLen, 10, kind, p) + 2);
                    tsEcr = getInt(src, p + 6);
                }
                case SACK -> blocks = sackBlocks(src, p, optLen);
                default -> { } // unknown option: skipped (RFC 9293 §3.2 requires tolerating them)
            }
            p += optLen;
        }
        return new TcpOptions(mss, ws, sackOk, ts, tsVal, tsEcr, blocks);
    }

    private static List<SackBlock> sackBlocks(byte[] src, int p, int optLen) {
        if ((optLen - 2) % 8 != 0 || optLen < 10 || optLen > 34) {
            throw new FrameFormatException("SACK option length " + optLen + " is not 2+8n, n=1..4");
        }
        List<SackBlock> blocks = new ArrayList<>((optLen - 2) / 8);
        for (int q = p + 2; q < p + optLen; q += 8) {
            blocks.add(new SackBlock(getInt(src, q), getInt(src, q + 4)));
        }
        return blocks;
    }

    private static int expect(int optLen, int want, int kind, int p) {
        if (optLen != want) {
            throw new FrameFormatException("TCP option " + kind + " length " + optLen + ", expected " + want);
        }
        return p;
    }

    /** Option bytes before padding. */
    static int rawLenBytes(TcpOptions o) {
        int len = (o.mssBytes() >= 0 ? 4 : 0) + (o.windowScale() >= 0 ? 3 : 0) + (o.sackPermitted() ? 2 : 0)
                + (o.hasTimestamps() ? 10 : 0);
        return o.sackBlocks().isEmpty() ? len : len + 2 + 8 * o.sackBlocks().size();
    }

    /** NOPs to spend so the next kind byte sits at {@code residue} mod 4, if the spare bytes allow. */
    private static int nops(int rel, int residue, int slack) {
        int need = (residue - rel) & 3;
        return need <= slack ? need : 0;
    }

    private static int writeNops(byte[] dst, int p, int n) {
        for (int i = 0; i < n; i++) {
            dst[p++] = NOP;
        }
        return p;
    }

    static void putShort(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 8);
        b[p + 1] = (byte) v;
    }

    static void putInt(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }

    static int getShort(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    static int getInt(byte[] b, int p) {
        return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }
}
