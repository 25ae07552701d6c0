package org.toesim.nic.testing;

import java.util.ArrayList;
import java.util.List;
import org.toesim.core.event.Simulator;
import org.toesim.nic.device.DeviceBus;
import org.toesim.nic.device.DeviceEndpoint;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.HostToDevice;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingId;
import org.toesim.nic.pcie.PcieLink;
import org.toesim.nic.pcie.PcieSpec;

/**
 * A synchronous test bench for a device model, in the spirit of Netty's EmbeddedChannel: a
 * simulator, a real {@link PcieLink}, a {@link ScriptedHostMemory} on the host side and the
 * device under test. Tests push host-to-device messages, advance simulated time, and read the
 * exact device-to-host messages with their arrival instants. No threads, no sleeps.
 *
 * <pre>
 *   DeviceHarness h = new DeviceHarness(PcieSpec.gen3x8(), (sim, bus) -&gt; new MyDevice(sim, bus));
 *   h.configureRing(RingId.SEND, 0x10000, 8);     // MMIO writes BASE and SIZE, declares the ring
 *   h.hostRing(RingId.SEND).set(0, descriptor);
 *   h.mmioWrite(Registers.ring(RingId.SEND, Registers.RING_TAIL), 1);
 *   h.runUntilIdle();
 *   Recorded r = h.poll();                          // DmaReadRequest for slot 0, at its arrival time
 * </pre>
 */
public final class DeviceHarness {
    /** Builds the device under test. */
    public interface DeviceFactory<D extends DeviceEndpoint> {
        D create(Simulator sim, DeviceBus bus);
    }

    private final Simulator sim = new Simulator();
    private final PcieLink link;
    private final ScriptedHostMemory memory;
    private final DeviceEndpoint device;
    private final java.util.EnumMap<RingId, ScriptedHostMemory.RingImage> hostRings =
            new java.util.EnumMap<>(RingId.class);
    private int polled;

    public DeviceHarness(PcieSpec spec, DeviceFactory<?> factory) {
        this.link = new PcieLink(sim, "pcie", spec);
        this.memory = new ScriptedHostMemory(sim);
        memory.connect(link);
        this.device = factory.create(sim, link);
        link.attach(memory, device);
    }

    public Simulator sim() {
        return sim;
    }

    public PcieLink link() {
        return link;
    }

    public ScriptedHostMemory memory() {
        return memory;
    }

    @SuppressWarnings("unchecked")
    public <D extends DeviceEndpoint> D device() {
        return (D) device;
    }

    public long now() {
        return sim.now();
    }

    /** Sends a 4- or 8-byte register write to BAR 0 now; returns it. */
    public HostToDevice.MmioWrite mmioWrite(long offset, long value) {
        int len = (value >>> 32) == 0 ? 4 : 8;
        HostToDevice.MmioWrite w = new HostToDevice.MmioWrite(memory.nextRequestId(), sim.now(), Registers.BAR,
                offset, len, value);
        link.sendToDevice(w);
        return w;
    }

    /** Sends a 4-byte register read to BAR 0 now; returns it. */
    public HostToDevice.MmioRead mmioRead(long offset) {
        HostToDevice.MmioRead r = new HostToDevice.MmioRead(memory.nextRequestId(), sim.now(), Registers.BAR,
                offset, 4);
        link.sendToDevice(r);
        return r;
    }

    /** Sends any host-to-device message now. */
    public void send(HostToDevice message) {
        link.sendToDevice(message);
    }

    /** Declares ring {@code id} in host memory and programs BASE, VECTOR (device rings: vector 0) and SIZE. */
    public ScriptedHostMemory.RingImage configureRing(RingId id, long baseAddr, int sizeSlots) {
        ScriptedHostMemory.RingImage image = memory.ring(id, baseAddr, sizeSlots);
        hostRings.put(id, image);
        mmioWrite(Registers.ring(id, Registers.RING_BASE), baseAddr);
        if (id.producer() == RingId.Producer.DEVICE) {
            mmioWrite(Registers.ring(id, Registers.RING_VECTOR), 0);
        }
        mmioWrite(Registers.ring(id, Registers.RING_SIZE), sizeSlots);
        return image;
    }

    /** The host's image of ring {@code id}. */
    public ScriptedHostMemory.RingImage hostRing(RingId id) {
        return hostRings.get(id);
    }

    /** Runs {@code action} at absolute time {@code atPs} (a scripted host action). */
    public void at(long atPs, Runnable action) {
        sim.scheduleAt(sim.newEvent("script", "harness", action), atPs);
    }

    /** Runs every event up to and including {@code limitPs}; the clock ends at {@code limitPs}. */
    public void runUntil(long limitPs) {
        sim.runUntil(limitPs);
    }

    /** Runs for {@code durationPs} more. */
    public void runFor(long durationPs) {
        sim.runUntil(sim.now() + durationPs);
    }

    /** Runs until no event is pending. */
    public void runUntilIdle() {
        sim.run();
    }

    /** Everything received by the host so far. */
    public List<Recorded> received() {
        return memory.received();
    }

    /** The next received message not yet polled, or null. */
    public Recorded poll() {
        List<Recorded> all = memory.received();
        return polled < all.size() ? all.get(polled++) : null;
    }

    /** The next received message, which must be of {@code type}. */
    public <M extends DeviceToHost> M poll(Class<M> type) {
        Recorded r = poll();
        if (r == null || !type.isInstance(r.message())) {
            throw new AssertionError("expected " + type.getSimpleName() + ", got " + r);
        }
        return type.cast(r.message());
    }

    /** Received messages not yet polled. */
    public List<Recorded> pending() {
        List<Recorded> all = memory.received();
        return new ArrayList<>(all.subList(polled, all.size()));
    }

    /** Fails if any received message has not been polled. */
    public void assertNoMoreMessages() {
        if (!pending().isEmpty()) {
            throw new AssertionError("unexpected messages: " + pending());
        }
    }
}
