package org.toesim.nic.pcap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.toesim.core.units.Units;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.FrameCodec;
import org.toesim.nic.frame.FrameSink;

/**
 * Writes frames as a classic libpcap capture (pcap-savefile(5)), little-endian, link type
 * {@code LINKTYPE_ETHERNET} (1), each frame in full (no FCS, no padding) as produced by
 * {@link FrameCodec}.
 *
 * <pre>
 *   file header (24): magic | 2 | 4 | thiszone 0 | sigfigs 0 | snaplen | linktype 1
 *   record (16 + n):  ts_sec | ts_frac (ns or us) | incl_len n | orig_len n | frame bytes
 * </pre>
 *
 * <p>Magic {@code 0xa1b23c4d} marks nanosecond fractions, {@code 0xa1b2c3d4} microseconds;
 * picosecond times are truncated to the resolution. Output is buffered; a record costs no
 * allocation beyond growing the one reusable frame buffer. Not thread-safe. IO errors are
 * rethrown as {@link UncheckedIOException}.
 */
public final class PcapWriter implements AutoCloseable {
    /** Timestamp resolution of the capture. */
    public enum Resolution {
        NANOS(0xa1b23c4d, 1_000L),
        MICROS(0xa1b2c3d4, 1_000_000L);

        final int magic;
        final long psPerUnit;

        Resolution(int magic, long psPerUnit) {
            this.magic = magic;
            this.psPerUnit = psPerUnit;
        }
    }

    /** Snapshot length written in the header: larger than any frame, so none is cut. */
    public static final int SNAPLEN_BYTES = 262_144;
    /** LINKTYPE_ETHERNET. */
    public static final int LINKTYPE_ETHERNET = 1;
    static final int FILE_HEADER_BYTES = 24;
    static final int RECORD_HEADER_BYTES = 16;

    private final OutputStream out;
    private final Resolution resolution;
    private final byte[] header = new byte[RECORD_HEADER_BYTES];
    private byte[] frameBuf = new byte[2048];
    private long records;

    /** Starts a capture on {@code sink} and writes the file header. */
    public PcapWriter(OutputStream sink, Resolution resolution) {
        this.out = new BufferedOutputStream(Objects.requireNonNull(sink), 1 << 16);
        this.resolution = Objects.requireNonNull(resolution);
        byte[] fh = new byte[FILE_HEADER_BYTES];
        putIntLe(fh, 0, resolution.magic);
        putShortLe(fh, 4, 2);
        putShortLe(fh, 6, 4);
        putIntLe(fh, 8, 0);
        putIntLe(fh, 12, 0);
        putIntLe(fh, 16, SNAPLEN_BYTES);
        putIntLe(fh, 20, LINKTYPE_ETHERNET);
        write(fh, 0, fh.length);
    }

    /** Records {@code frame} as seen at {@code timePs}. */
    public void write(Frame frame, long timePs) {
        int len = frame.lenBytes();
        if (frameBuf.length < len) {
            frameBuf = new byte[Math.max(len, frameBuf.length * 2)];
        }
        FrameCodec.encode(frame, frameBuf, 0);
        writeRecord(timePs, frameBuf, 0, len);
    }

    /** Records raw frame bytes {@code data[off, off+len)} seen at {@code timePs}. */
    public void writeRecord(long timePs, byte[] data, int off, int len) {
        if (timePs < 0) {
            throw new IllegalArgumentException("negative capture time " + timePs + " ps");
        }
        putIntLe(header, 0, (int) (timePs / Units.PS_PER_S));
        putIntLe(header, 4, (int) ((timePs % Units.PS_PER_S) / resolution.psPerUnit));
        putIntLe(header, 8, len);
        putIntLe(header, 12, len);
        write(header, 0, RECORD_HEADER_BYTES);
        write(data, off, len);
        records++;
    }

    /**
     * A sink that records each frame at its arrival time, then passes it on to {@code next}
     * (e.g. put between a link direction and the receiving port).
     */
    public FrameSink tap(FrameSink next) {
        Objects.requireNonNull(next);
        return (frame, nowPs) -> {
            write(frame, nowPs);
            next.receive(frame, nowPs);
        };
    }

    /** Records written so far. */
    public long records() {
        return records;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putIntLe(byte[] b, int p, int v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        b[p + 2] = (byte) (v >>> 16);
        b[p + 3] = (byte) (v >>> 24);
    }

    private static void putShortLe(byte[] b, int p, int v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
    }
}
