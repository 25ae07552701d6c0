package org.toesim.nic.plain;

import org.toesim.nic.device.Registers;
import org.toesim.nic.frame.Frame;

/**
 * Receive-side scaling: the Toeplitz hash of a frame's flow picks an entry of the 128-entry
 * indirection table, which names the receive queue. The driver programs key and table through
 * the {@link Registers#RSS_KEY} and {@link Registers#RSS_TABLE} registers; the default table
 * spreads entries round-robin ({@code entry i -> queue i mod queues}, as Linux's
 * {@code ethtool_rxfh_indir_default}).
 *
 * <pre>
 *   frame --&gt; hash = fragment ? Toeplitz(srcIp,dstIp) : Toeplitz(srcIp,dstIp,srcPort,dstPort)
 *         --&gt; queue = table[hash &amp; 127]
 * </pre>
 */
public final class RssSteering {
    private final int queues;
    private final ToeplitzHash hash;
    private final int[] table = new int[Registers.RSS_TABLE_ENTRIES];
    private final byte[] keyBytes;

    /** Steering over {@code queues} queues with the Microsoft key and the default table. */
    public RssSteering(int queues) {
        if (queues < 1 || queues > Registers.MAX_QUEUES) {
            throw new IllegalArgumentException("queues " + queues + " outside [1, " + Registers.MAX_QUEUES + "]");
        }
        this.queues = queues;
        this.keyBytes = ToeplitzHash.MICROSOFT_KEY.clone();
        this.hash = new ToeplitzHash(keyBytes);
        for (int i = 0; i < table.length; i++) {
            table[i] = i % queues;
        }
    }

    /** The flow hash of {@code frame} (2-tuple for IP fragments, whose ports are unknown). */
    public int hash(Frame frame) {
        if (frame.ip().isFragment()) {
            return hash.hashIp4(frame.ip().srcIp(), frame.ip().dstIp());
        }
        return hash.hashTcp4(frame.ip().srcIp(), frame.ip().dstIp(), frame.tcp().srcPort(), frame.tcp().dstPort());
    }

    /** The queue of a frame whose hash is {@code flowHash}. */
    public int queueOf(int flowHash) {
        return table[flowHash & (Registers.RSS_TABLE_ENTRIES - 1)];
    }

    /** Sets table entry {@code index} to {@code queue}. */
    public void setEntry(int index, int queue) {
        if (queue < 0 || queue >= queues) {
            throw new IllegalArgumentException("RSS table entry " + index + ": queue " + queue + " outside [0, "
                    + queues + ")");
        }
        table[index] = queue;
    }

    /** Table entry {@code index}. */
    public int entry(int index) {
        return table[index];
    }

    /** Sets key bytes {@code 4*word .. 4*word+3} from {@code value} (big-endian). */
    public void setKeyWord(int word, int value) {
        for (int i = 0; i < 4; i++) {
            keyBytes[4 * word + i] = (byte) (value >>> (24 - 8 * i));
        }
        hash.setKey(keyBytes);
    }

    /** Key word {@code word} (big-endian). */
    public int keyWord(int word) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (keyBytes[4 * word + i] & 0xFF);
        }
        return v;
    }
}
