package org.toesim.host.offload;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import org.toesim.host.driver.AdapterRecord;
import org.toesim.host.driver.NicDriver;
import org.toesim.host.mem.RegionKind;
import org.toesim.host.pcie.BufferPool;
import org.toesim.host.pcie.TypedRegion;
import org.toesim.nic.device.CachedState;
import org.toesim.nic.device.Capability;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.OffloadFeature;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.nic.device.OffloadState;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.segment.Payload;

/**
 * {@link AdapterPort} over the real {@link NicDriver}: state images and command results live in
 * a {@link TypedRegion} of host memory registered with the root complex, cut into fixed slots
 * (a free list, O(1)); commands, buffers and sends go through the driver's TOE paths, whose
 * completion costs are charged on the host CPU.
 *
 * <p>A command takes its slot when it enters the COMMAND ring (the driver builds it then; while
 * the ring is full it waits in the driver's backlog holding nothing), so at most one slot per
 * COMMAND ring slot is ever in use: {@code slots} = the ring size is enough whatever the CCB
 * table holds, and slots are handed out from a counter before the free list, so none is
 * created before it is first used. Statistics queries go as background commands (behind
 * every offload, flush, update and forward waiting for the ring).
 *
 * <pre>
 *  initiate:  slot &lt;- free; region.put(slot, StateImage(image)); InitiateOffload(id, h, slot, len)
 *             completion --&gt; free slot --&gt; callback(status)
 *  terminate: TerminateOffload(id, h, stateSlot, slotBytes, dataAddr=stateSlot, 0)
 *             completion --&gt; region.remove(stateSlot) = StateImage(CcbImage) --&gt; callback
 *             INVALID_REQUEST(resultBytes = image size &gt; slot) --&gt; again into a region of 2x that
 *  query:     QueryOffload(id, h, slot, slotBytes) --&gt; QueryImage(state, stats) --&gt; callback
 *  forward:   slot &lt;- free; region.put(slot, FrameBatch(frames)); ForwardFrames(id, h, slot, len)
 *             completion --&gt; free slot --&gt; callback(status)
 * </pre>
 * TerminateOffload asks for no separate data area ({@code dataCapacityBytes = 0}), so the
 * adapter leaves every undelivered byte in the returned CCB and the host stack delivers them
 * from there in order (one uninterrupted stream).
 *
 * <p>The capability is read from the driver's {@link AdapterRecord} (claims 10, 11, 19): an
 * adapter that has not answered, refused, or timed out is {@link Capability#none}.
 */
public final class DriverAdapterPort implements AdapterPort {
    private static final Capability NONE = Capability.none(java.util.EnumSet.noneOf(OffloadFeature.class));
    private final NicDriver driver;
    private final int core;
    private final TypedRegion states;
    private final int slotBytes;
    private final int slots;
    private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
    /** Slots never used so far are {@code [usedSlots, slots)}. */
    private int usedSlots;
    private long largeImageAreas;
    /** Indication buffers (null until posted) and each lent buffer's index by cookie (looked up only). */
    private BufferPool indicationPool;
    private final Map<Long, Integer> indicationIndex = new HashMap<>();

    /**
     * @param driver    the attached (or attaching) driver
     * @param core      core that pays for command submission and buffer posting
     * @param slots     state/result slots (bounds commands with images on the COMMAND ring; the
     *                  ring's size is always enough)
     * @param slotBytes bytes per slot (the largest CCB image accepted)
     */
    public DriverAdapterPort(NicDriver driver, int core, int slots, int slotBytes) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.core = core;
        if (slots < 1 || slotBytes < 1) {
            throw new IllegalArgumentException("need slots >= 1 and slotBytes >= 1");
        }
        this.slotBytes = slotBytes;
        this.slots = slots;
        this.states = new TypedRegion(driver.rootComplex().memory(), driver.config().name() + ".offload-states",
                RegionKind.OTHER, (long) slots * slotBytes);
        driver.rootComplex().register(states);
    }

    @Override
    public Capability capability() {
        AdapterRecord a = driver.adapter();
        return a != null && a.offloadSupported() ? a.capability() : NONE;
    }

    @Override
    public OffloadHandle allocateHandle() {
        return driver.allocateHandle();
    }

    @Override
    public int maxImageBytes() {
        return slotBytes;
    }

    @Override
    public void initiate(OffloadHandle handle, OffloadState image, StatusCallback callback) {
        if (image.imageSizeBytes() > slotBytes) {
            throw new IllegalArgumentException("CCB image of " + image.imageSizeBytes() + " B exceeds the slot of "
                    + slotBytes + " B");
        }
        long[] addr = new long[1];
        driver.submit(() -> {
            addr[0] = takeSlot();
            states.put(addr[0], new DmaData.StateImage(image));
            return new ToeCommand.InitiateOffload(driver.nextCommandId(), handle, addr[0], image.imageSizeBytes());
        }, false, core, (cmd, c, coreDone) -> {
            states.remove(addr[0]);
            freeSlot(addr[0]);
            callback.done(c.status());
        });
    }

    @Override
    public void terminate(OffloadHandle handle, TerminateCallback callback) {
        long[] addr = new long[1];
        submitTerminate(handle, states, () -> addr[0] = takeSlot(), slotBytes, () -> freeSlot(addr[0]), callback);
    }

    /**
     * TerminateOffload with its image written in {@code area} at the address {@code place} gives
     * when the command enters the ring (room for {@code capacityBytes}). An image that does not fit
     * (the card holds more undelivered data than the area: the host may have advertised a window of
     * several MiB before the handoff) comes back INVALID_REQUEST with its size, the connection
     * still on the adapter: asked again with an area of twice that size (data may keep arriving
     * meanwhile), freed once the answer is read.
     */
    private void submitTerminate(OffloadHandle handle, TypedRegion area, java.util.function.LongSupplier place,
                                 int capacityBytes, Runnable release, TerminateCallback callback) {
        long[] addr = new long[1];
        driver.submit(() -> {
            addr[0] = place.getAsLong();
            return new ToeCommand.TerminateOffload(driver.nextCommandId(), handle, addr[0], capacityBytes, addr[0], 0);
        }, false, core, (cmd, c, coreDone) -> {
            DmaData d = area.remove(addr[0]);
            release.run();
            if (c.status() == CommandStatus.INVALID_REQUEST && c.resultBytes() > capacityBytes) {
                int need = (int) Math.min(Integer.MAX_VALUE - 64, 2L * c.resultBytes());
                TypedRegion large = new TypedRegion(driver.rootComplex().memory(),
                        driver.config().name() + ".terminate-image-" + (++largeImageAreas), RegionKind.OTHER,
                        need);
                driver.rootComplex().register(large);
                submitTerminate(handle, large, () -> large.region().baseAddress(), need, () -> {
                    driver.rootComplex().unregister(large.region());
                    driver.rootComplex().memory().free(large.region());
                }, callback);
                return;
            }
            OffloadState state = c.status() == CommandStatus.SUCCESS && d instanceof DmaData.StateImage s
                    ? s.state() : null;
            callback.done(state == null && c.status() == CommandStatus.SUCCESS
                    ? CommandStatus.INVALID_REQUEST : c.status(), state);
        });
    }

    @Override
    public void forward(OffloadHandle handle, List<Frame> frames, StatusCallback callback) {
        DmaData.FrameBatch batch = new DmaData.FrameBatch(frames);
        if (batch.lenBytes() > slotBytes) {
            throw new IllegalArgumentException("frame batch of " + batch.lenBytes() + " B exceeds the slot of "
                    + slotBytes + " B");
        }
        long[] addr = new long[1];
        driver.submit(() -> {
            addr[0] = takeSlot();
            states.put(addr[0], batch);
            return new ToeCommand.ForwardFrames(driver.nextCommandId(), handle, addr[0], batch.lenBytes());
        }, false, core, (cmd, c, coreDone) -> {
            states.remove(addr[0]);
            freeSlot(addr[0]);
            callback.done(c.status());
        });
    }

    @Override
    public void update(OffloadHandle handle, CachedState cached, StatusCallback callback) {
        driver.submit(() -> new ToeCommand.UpdateOffload(driver.nextCommandId(), handle, cached), false, core,
                (cmd, c, coreDone) -> callback.done(c.status()));
    }

    @Override
    public void updateNeighbour(int ip, long mac, StatusCallback callback) {
        driver.submit(() -> new ToeCommand.UpdateNeighbour(driver.nextCommandId(), ip, mac), false, core,
                (cmd, c, coreDone) -> callback.done(c.status()));
    }

    /** QueryOffload as a background command: polls wait behind every other command. */
    @Override
    public void query(OffloadHandle handle, QueryCallback callback) {
        long[] addr = new long[1];
        driver.submit(() -> {
            addr[0] = takeSlot();
            return new ToeCommand.QueryOffload(driver.nextCommandId(), handle, addr[0], slotBytes);
        }, true, core, (cmd, c, coreDone) -> {
            DmaData d = states.remove(addr[0]);
            freeSlot(addr[0]);
            if (c.status() == CommandStatus.SUCCESS && d instanceof DmaData.QueryImage q) {
                callback.done(c.status(), q.state(), q.stats());
            } else {
                callback.done(c.status() == CommandStatus.SUCCESS ? CommandStatus.INVALID_REQUEST
                        : c.status(), null, null);
            }
        });
    }

    @Override
    public long postBuffer(OffloadHandle handle, long hostAddr, int lenBytes, BufferCallback callback) {
        return postBuffer(handle, hostAddr, lenBytes, false, callback);
    }

    @Override
    public long postBuffer(OffloadHandle handle, long hostAddr, int lenBytes, boolean noPush, BufferCallback callback) {
        return driver.postBuffer(handle, hostAddr, lenBytes, noPush, core,
                (b, c, coreDone) -> callback.done(c.bytesPlaced(), c.push(), c.status()));
    }

    @Override
    public void postIndicationBuffers(int count, int lenBytes) {
        if (indicationPool != null) {
            throw new IllegalStateException(driver.config().name() + ": indication buffers are posted already");
        }
        indicationPool = new BufferPool(driver.rootComplex().memory(), driver.config().name() + ".indication-buffers",
                RegionKind.SOCKET_BUFFER, count, lenBytes);
        driver.rootComplex().register(indicationPool);
        for (int i = 0; i < count; i++) {
            postIndication(i);
        }
    }

    private void postIndication(int index) {
        long cookie = driver.postIndicationBuffer(indicationPool.address(index), indicationPool.bufferBytes(), core);
        indicationIndex.put(cookie, index);
    }

    @Override
    public Payload takeIndication(long cookie) {
        Integer index = indicationIndex.get(cookie);
        DmaData d = index == null ? null : indicationPool.take(index);
        if (!(d instanceof DmaData.Bytes b)) {
            throw new IllegalStateException(driver.config().name() + ": indication buffer " + cookie + " holds " + d);
        }
        return b.payload();
    }

    @Override
    public void repostIndication(long cookie) {
        Integer index = indicationIndex.remove(cookie);
        if (index == null) {
            throw new IllegalStateException(driver.config().name() + ": repost of unknown indication buffer " + cookie);
        }
        postIndication(index);
    }

    @Override
    public long send(OffloadHandle handle, long hostAddr, int lenBytes, SendCallback callback) {
        return driver.toeSend(handle, hostAddr, lenBytes, core,
                (s, c, coreDone) -> callback.done(c.bytesAcked(), c.status()));
    }

    @Override
    public long disconnect(OffloadHandle handle, SendCallback callback) {
        return driver.toeDisconnect(handle, core, (s, c, coreDone) -> callback.done(c.bytesAcked(), c.status()));
    }

    private long takeSlot() {
        Integer i = freeSlots.pollFirst();
        if (i == null) {
            if (usedSlots == slots) {
                throw new IllegalStateException(driver.config().name() + ": all " + slots
                        + " offload state slots in use (more than the COMMAND ring holds?)");
            }
            i = usedSlots++;
        }
        return states.region().baseAddress() + (long) i * slotBytes;
    }

    private void freeSlot(long addr) {
        freeSlots.addLast((int) ((addr - states.region().baseAddress()) / slotBytes));
    }

    /** State slots used at least once so far (at most the COMMAND ring's size with the driver's backlog). */
    public int slotsEverUsed() {
        return usedSlots;
    }
}
