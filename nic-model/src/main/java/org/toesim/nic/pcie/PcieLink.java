package org.toesim.nic.pcie;

import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Simulator;
import org.toesim.core.stats.Resettable;
import org.toesim.core.trace.TraceCategory;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.nic.device.DeviceBus;
import org.toesim.nic.device.DeviceEndpoint;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.HostBus;
import org.toesim.nic.device.HostEndpoint;
import org.toesim.nic.device.HostToDevice;

/**
 * A PCIe link between a host (root complex and memory) and one adapter. Each direction is an
 * independent FIFO serializer with a one-way latency of half the read round trip; a message
 * costs the wire time of all the TLPs it splits into ({@link TlpMath}), as one event.
 *
 * <pre>
 *   host                      downstream (MMIO, read completions)                   device
 *   HostBus.sendToDevice --&gt; [FIFO | ser(wireBytes)] --- oneWay ---&gt; DeviceEndpoint.receive
 *   HostEndpoint.receive &lt;--- oneWay --- [FIFO | ser(wireBytes)] &lt;-- DeviceBus.sendToHost
 *                             upstream (DMA reads/writes, MSI-X, MMIO completions)
 *
 *   DMA read latency = ser(request TLPs) + readRoundTrip + ser(completion TLPs)  (+ host queueing)
 * </pre>
 * Logging: every message as it arrives at TRACE, decided when the ends are attached (a link
 * attached with TRACE off pays nothing per message, not even a level check).
 */
public final class PcieLink implements HostBus, DeviceBus, Resettable {
    private static final Logger LOG = LoggerFactory.getLogger(PcieLink.class);
    private final PcieSpec spec;
    private final TlpMath tlpMath;
    private final LinkDirection<HostToDevice> downstream;
    private final LinkDirection<DeviceToHost> upstream;
    private final Simulator sim;

    /** A link named {@code name} (event owner) with the given configuration; attach both ends before use. */
    public PcieLink(Simulator sim, String name, PcieSpec spec) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.tlpMath = new TlpMath(spec);
        long attos = spec.attosPerWireByte();
        this.downstream = new LinkDirection<>(sim, name, "pcie.down", attos, spec.oneWayLatencyPs());
        this.upstream = new LinkDirection<>(sim, name, "pcie.up", attos, spec.oneWayLatencyPs());
    }

    /** Connects the two ends. */
    public void attach(HostEndpoint host, DeviceEndpoint device) {
        attach(host, device, TraceSink.NONE, "", "");
    }

    /**
     * Connects the two ends and, when {@code trace} takes PCIe records, records every
     * transaction as it arrives ({@link PcieTrace}) between the lifelines {@code <hostName>.driver},
     * {@code <hostName>.mem} and {@code deviceLifeline}.
     */
    public void attach(HostEndpoint host, DeviceEndpoint device, TraceSink trace, String hostName,
                       String deviceLifeline) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(device, "device");
        Consumer<DeviceToHost> up = host::receive;
        Consumer<HostToDevice> down = device::receive;
        String component = hostName + ".pcie";
        if (trace.enabled(TraceCategory.PCIE)) {
            String driver = hostName + ".driver";
            String memory = hostName + ".mem";
            Consumer<DeviceToHost> toHost = up;
            Consumer<HostToDevice> toDevice = down;
            up = m -> {
                trace.record(sim.now(), component, PcieTrace.upstream(m, deviceLifeline, memory, driver,
                        tlpMath.tlps(m)));
                toHost.accept(m);
            };
            down = m -> {
                trace.record(sim.now(), component, PcieTrace.downstream(m, driver, memory, deviceLifeline,
                        tlpMath.tlps(m)));
                toDevice.accept(m);
            };
        }
        if (LOG.isTraceEnabled()) {
            Consumer<DeviceToHost> toHost = up;
            Consumer<HostToDevice> toDevice = down;
            up = m -> {
                LOG.trace("{} {}: up   {} ({} TLPs)", Units.logTime(sim.now()), component, m.getClass().getSimpleName(),
                        tlpMath.tlps(m));
                toHost.accept(m);
            };
            down = m -> {
                LOG.trace("{} {}: down {} ({} TLPs)", Units.logTime(sim.now()), component,
                        m.getClass().getSimpleName(), tlpMath.tlps(m));
                toDevice.accept(m);
            };
        }
        upstream.connect(up);
        downstream.connect(down);
    }

    @Override
    public void sendToDevice(HostToDevice message) {
        downstream.send(message, tlpMath.wireBytes(message), tlpMath.tlps(message), TlpMath.payloadBytes(message));
    }

    @Override
    public void sendToHost(DeviceToHost message) {
        upstream.send(message, tlpMath.wireBytes(message), tlpMath.tlps(message), TlpMath.payloadBytes(message));
    }

    /** The configuration. */
    public PcieSpec spec() {
        return spec;
    }

    /** TLP arithmetic of this link. */
    public TlpMath tlpMath() {
        return tlpMath;
    }

    /** Serialization time of {@code wireBytes} on either direction. */
    public long wireTimePs(long wireBytes) {
        return upstream.wireTimePs(wireBytes);
    }

    /** Utilisation of the host-to-device direction. */
    public LinkStats downstreamStats() {
        return downstream.stats();
    }

    /** Utilisation of the device-to-host direction. */
    public LinkStats upstreamStats() {
        return upstream.stats();
    }

    /** Instant the device-to-host serializer becomes idle. */
    public long upstreamBusyUntilPs() {
        return upstream.busyUntilPs();
    }

    /** Instant the host-to-device serializer becomes idle. */
    public long downstreamBusyUntilPs() {
        return downstream.busyUntilPs();
    }

    @Override
    public void reset(long nowPs) {
        downstream.reset(nowPs);
        upstream.reset(nowPs);
    }
}
