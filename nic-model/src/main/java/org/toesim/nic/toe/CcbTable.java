package org.toesim.nic.toe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import org.toesim.core.stats.TimeWeighted;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.tcp.segment.FourTuple;

/**
 * The card's CCB table (claim 20): fixed capacity, O(1) lookup by four-tuple (received frames,
 * through a primitive-keyed {@link TupleIndex} that allocates nothing per frame) and by handle
 * (commands, descriptors, through the insertion-ordered map). Lookups are hash lookups;
 * iteration (reset) uses the insertion-ordered map only, so results never depend on hash order.
 * Nothing is allocated per entry of the capacity: the maps and the index grow with the CCBs
 * installed, so a table of a million entries costs what its occupied entries cost. A slot is
 * reserved when an InitiateOffload is accepted (before its CCB image has arrived), so
 * concurrent offloads cannot overfill the table.
 *
 * <pre>
 *   reserve() -- false when occupied + reserved == capacity (NO_RESOURCES)
 *   install(conn)  reserved -&gt; occupied; tuple and handle indexed
 *   remove(conn)   slot free again (flush)
 * </pre>
 */
public final class CcbTable {
    /** Entries the received-frame index is sized for before it first grows. */
    static final int INITIAL_INDEX_ENTRIES = 64;
    private final int capacity;
    private final int entryBytes;
    private final HashMap<FourTuple, CardConnection> byTuple = new HashMap<>();
    private final LinkedHashMap<OffloadHandle, CardConnection> ordered = new LinkedHashMap<>();
    private final TupleIndex frameIndex;
    private final TimeWeighted occupancy;
    private int reserved;
    private long installs;
    private long refusals;

    public CcbTable(int capacity, int entryBytes, long nowPs, String owner) {
        if (capacity < 0) {
            throw new IllegalArgumentException("CCB table capacity must be >= 0, got " + capacity);
        }
        this.capacity = capacity;
        this.entryBytes = entryBytes;
        // sized for what is installed, not for the capacity: it grows (doubling) as CCBs arrive
        this.frameIndex = new TupleIndex(Math.max(1, Math.min(capacity, INITIAL_INDEX_ENTRIES)));
        this.occupancy = new TimeWeighted(owner + ".ccbOccupancy", nowPs, 0);
    }

    /** Reserves a slot for an offload in progress; false (counted) when the table is full. */
    public boolean reserve() {
        if (ordered.size() + reserved >= capacity) {
            refusals++;
            return false;
        }
        reserved++;
        return true;
    }

    /** Gives back a reservation that did not lead to an install. */
    public void unreserve() {
        reserved--;
    }

    /** Installs {@code conn} into a reserved slot; false if its handle or tuple is already present. */
    boolean install(CardConnection conn, long nowPs) {
        reserved--;
        if (ordered.containsKey(conn.handle) || byTuple.containsKey(conn.tuple)) {
            return false;
        }
        ordered.put(conn.handle, conn);
        byTuple.put(conn.tuple, conn);
        frameIndex.put(conn);
        installs++;
        occupancy.update(nowPs, ordered.size());
        return true;
    }

    /** Frees {@code conn}'s slot. */
    void remove(CardConnection conn, long nowPs) {
        if (ordered.remove(conn.handle) != null) {
            byTuple.remove(conn.tuple);
            frameIndex.remove(conn);
            occupancy.update(nowPs, ordered.size());
        }
    }

    /** The connection whose local/remote addresses are {@code tuple} (seen from the card), or null. */
    CardConnection byTuple(FourTuple tuple) {
        return byTuple.get(tuple);
    }

    /**
     * The connection of a received frame addressed to {@code localIp:localPort} from
     * {@code remoteIp:remotePort}, or null: the per-frame lookup, through a primitive-keyed index
     * (no key object per frame; a four-tuple only when two connections share the index key).
     */
    CardConnection byFrame(int localIp, int localPort, int remoteIp, int remotePort) {
        CardConnection c = frameIndex.get(localIp, localPort, remoteIp, remotePort);
        return c != TupleIndex.SHARED ? c : byTuple.get(new FourTuple(localIp, localPort, remoteIp, remotePort));
    }

    /** The connection named {@code handle}, or null. */
    CardConnection byHandle(OffloadHandle handle) {
        return ordered.get(handle);
    }

    /** Installed connections in installation order. */
    List<CardConnection> inOrder() {
        return new ArrayList<>(ordered.values());
    }

    public int capacity() {
        return capacity;
    }

    /** Slots reserved for offloads whose CCB has not been installed yet. */
    public int reserved() {
        return reserved;
    }

    /** Installed CCBs. */
    public int occupied() {
        return ordered.size();
    }

    /** Connections the received-frame index has room for now (grows with installs, not with the capacity). */
    int indexSlotCapacity() {
        return frameIndex.slotCapacity();
    }

    /** Card memory held by installed CCBs. */
    public long memoryBytes() {
        return (long) entryBytes * ordered.size();
    }

    /** The most CCBs installed at once so far. */
    public int peakOccupancy(long nowPs) {
        return (int) occupancy.report(nowPs).max();
    }

    /** Time-weighted mean occupancy up to {@code nowPs}. */
    public double meanOccupancy(long nowPs) {
        return occupancy.mean(nowPs);
    }

    /** InitiateOffloads refused for lack of a slot. */
    public long refusals() {
        return refusals;
    }

    /** CCBs installed so far. */
    public long installs() {
        return installs;
    }
}
