package org.toesim.nic.pcie;

import java.util.List;
import org.toesim.core.trace.TraceCategory;
import org.toesim.core.trace.TraceRecord;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.HostToDevice;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.TraceStrings;
import org.toesim.nic.frame.Frame;

/**
 * Trace records of a PCIe link: one per transaction, written when it arrives (its time) with the
 * instant it was sent ({@code sentPs}) and the lifelines it went between, so a sequence chart
 * draws it as an arrow. MMIO goes from the driver to the device; DMA goes between the device and
 * host memory ({@code <host>.mem}); MSI-X from the device to the driver.
 */
public sealed interface PcieTrace extends TraceRecord {
    /** Sending lifeline. */
    String from();

    /** Receiving lifeline. */
    String to();

    /** When the sender handed the transaction to the link. */
    long sentPs();

    @Override
    default TraceCategory traceCategory() {
        return TraceCategory.PCIE;
    }

    /** A posted register write: a doorbell ({@code q0.COMMAND.TAIL}), a ring base, a moderation setting. */
    record MmioWrite(String from, String to, long sentPs, String register, long value) implements PcieTrace {
    }

    /** A register read; the device answers with {@link MmioReadDone}. */
    record MmioRead(String from, String to, long sentPs, String register) implements PcieTrace {
    }

    /** The answer to a register read. */
    record MmioReadDone(String from, String to, long sentPs, long value) implements PcieTrace {
    }

    /** The device asks for {@code lenBytes} of host memory at {@code hostAddr} ({@code tlps} read requests). */
    record DmaRead(String from, String to, long sentPs, long hostAddr, int lenBytes, int tlps) implements PcieTrace {
    }

    /** Host memory answers a DMA read: {@code content} says what the bytes are. */
    record DmaReadDone(String from, String to, long sentPs, long hostAddr, int lenBytes, int tlps, String content)
            implements PcieTrace {
    }

    /** The device writes {@code lenBytes} at {@code hostAddr}: payload, ring entries, a state image. */
    record DmaWrite(String from, String to, long sentPs, long hostAddr, int lenBytes, int tlps, String content)
            implements PcieTrace {
    }

    /** An MSI-X interrupt on {@code vector}. */
    record Msix(String from, String to, long sentPs, int vector) implements PcieTrace {
    }

    /**
     * The record for {@code message} arriving at the device: from {@code driver} (MMIO) or
     * {@code memory} (read completions) to {@code device}.
     */
    static PcieTrace downstream(HostToDevice message, String driver, String memory, String device, int tlps) {
        if (message instanceof HostToDevice.MmioWrite w) {
            return new MmioWrite(driver, device, w.sentPs(), Registers.describe(w.offset()), w.value());
        } else if (message instanceof HostToDevice.MmioRead r) {
            return new MmioRead(driver, device, r.sentPs(), Registers.describe(r.offset()));
        }
        HostToDevice.DmaReadCompletion c = (HostToDevice.DmaReadCompletion) message;
        return new DmaReadDone(memory, device, c.sentPs(), c.hostAddr(), c.data().lenBytes(), tlps,
                content(c.data()));
    }

    /** The record for {@code message} arriving at the host. */
    static PcieTrace upstream(DeviceToHost message, String device, String memory, String driver, int tlps) {
        if (message instanceof DeviceToHost.DmaReadRequest r) {
            return new DmaRead(device, memory, r.sentPs(), r.hostAddr(), r.lenBytes(), tlps);
        } else if (message instanceof DeviceToHost.DmaWrite w) {
            return new DmaWrite(device, memory, w.sentPs(), w.hostAddr(), w.data().lenBytes(), tlps,
                    content(w.data()));
        } else if (message instanceof DeviceToHost.MsixInterrupt i) {
            return new Msix(device, driver, i.sentPs(), i.vector());
        }
        DeviceToHost.MmioReadCompletion c = (DeviceToHost.MmioReadCompletion) message;
        return new MmioReadDone(device, driver, c.sentPs(), c.value());
    }

    /** What a DMA moves, in a few words: {@code payload 1448 B}, the ring entries, {@code CCB image}. */
    static String content(DmaData data) {
        if (data instanceof DmaData.Bytes b) {
            return "payload " + b.lenBytes() + " B";
        } else if (data instanceof DmaData.Entries e) {
            return entries(e.entries());
        } else if (data instanceof DmaData.FrameImage f) {
            return "frame " + frame(f.frame());
        } else if (data instanceof DmaData.FrameBatch b) {
            return b.frames().size() + " frames";
        } else if (data instanceof DmaData.StateImage) {
            return "CCB image";
        } else if (data instanceof DmaData.CapabilityImage) {
            return "capability record";
        } else if (data instanceof DmaData.QueryImage) {
            return "CCB and statistics image";
        } else if (data instanceof DmaData.Part p) {
            return "part of " + content(p.whole()) + " (+" + p.offsetBytes() + ")";
        }
        return data.lenBytes() + " B";
    }

    private static String entries(List<RingEntry> entries) {
        StringBuilder b = new StringBuilder();
        int shown = Math.min(entries.size(), 3);
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "" : "; ").append(TraceStrings.of(entries.get(i)));
        }
        if (entries.size() > shown) {
            b.append("; ... (").append(entries.size()).append(" entries)");
        }
        return b.toString();
    }

    private static String frame(Frame f) {
        return f.lenBytes() + " B";
    }
}
