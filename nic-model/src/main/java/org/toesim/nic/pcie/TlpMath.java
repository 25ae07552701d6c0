package org.toesim.nic.pcie;

import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.HostToDevice;

/**
 * How many TLPs and wire bytes a transfer costs, computed arithmetically (no per-TLP objects):
 * writes and completions are split at MPS, read requests at MRRS; each TLP adds the
 * {@link PcieSpec} overhead. Address alignment and read completion boundaries are ignored (a
 * transfer is taken to start on an MPS boundary).
 *
 * <pre>
 *   DMA write / MMIO write / MSI-X   len + ceil(len/MPS)  * requestOverhead
 *   DMA read request                       ceil(len/MRRS) * requestOverhead
 *   read completion (DMA or MMIO)    len + ceil(len/MPS)  * completionOverhead
 *   MMIO read request                                        requestOverhead
 * </pre>
 */
public final class TlpMath {
    private final PcieSpec spec;

    public TlpMath(PcieSpec spec) {
        this.spec = spec;
    }

    /** TLPs needed for {@code lenBytes} of payload (at least one). */
    public int payloadTlps(long lenBytes) {
        return (int) Math.max(1, ceilDiv(lenBytes, spec.mpsBytes()));
    }

    /** Read request TLPs for {@code lenBytes}. */
    public int readRequestTlps(long lenBytes) {
        return (int) Math.max(1, ceilDiv(lenBytes, spec.mrrsBytes()));
    }

    /** TLPs of a downstream message. */
    public int tlps(HostToDevice m) {
        if (m instanceof HostToDevice.DmaReadCompletion c) {
            return payloadTlps(c.data().lenBytes());
        }
        return 1;
    }

    /** TLPs of an upstream message. */
    public int tlps(DeviceToHost m) {
        if (m instanceof DeviceToHost.DmaReadRequest r) {
            return readRequestTlps(r.lenBytes());
        }
        if (m instanceof DeviceToHost.DmaWrite w) {
            return payloadTlps(w.data().lenBytes());
        }
        return 1;
    }

    /** Payload bytes of a downstream message. */
    public static long payloadBytes(HostToDevice m) {
        if (m instanceof HostToDevice.MmioWrite w) {
            return w.lenBytes();
        }
        if (m instanceof HostToDevice.DmaReadCompletion c) {
            return c.data().lenBytes();
        }
        return 0;
    }

    /** Payload bytes of an upstream message. */
    public static long payloadBytes(DeviceToHost m) {
        if (m instanceof DeviceToHost.DmaWrite w) {
            return w.data().lenBytes();
        }
        if (m instanceof DeviceToHost.MsixInterrupt) {
            return DeviceToHost.MsixInterrupt.LEN_BYTES;
        }
        if (m instanceof DeviceToHost.MmioReadCompletion c) {
            return c.lenBytes();
        }
        return 0;
    }

    /** Wire bytes of a downstream message. */
    public long wireBytes(HostToDevice m) {
        if (m instanceof HostToDevice.DmaReadCompletion) {
            return payloadBytes(m) + (long) tlps(m) * spec.completionOverheadBytes();
        }
        return payloadBytes(m) + spec.requestOverheadBytes(); // MMIO write or read request
    }

    /** Wire bytes of an upstream message. */
    public long wireBytes(DeviceToHost m) {
        if (m instanceof DeviceToHost.MmioReadCompletion) {
            return payloadBytes(m) + spec.completionOverheadBytes();
        }
        return payloadBytes(m) + (long) tlps(m) * spec.requestOverheadBytes();
    }

    /** Wire bytes of a DMA write of {@code lenBytes}. */
    public long writeWireBytes(long lenBytes) {
        return lenBytes + (long) payloadTlps(lenBytes) * spec.requestOverheadBytes();
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
