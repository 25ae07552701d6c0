package org.toesim.host.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.toesim.core.units.Units;
import org.toesim.host.app.BulkReceiver;
import org.toesim.host.app.BulkSender;
import org.toesim.host.cpu.ApplicationWork;
import org.toesim.host.testing.TwoHostSystem;
import org.toesim.tcp.engine.TcpConfig;

/**
 * Simulator speed of a bulk transfer through the full two-host system ({@link TwoHostSystem}:
 * socket, stack, driver, root complex, PCIe link, plain NIC, MAC, link and back), in
 * <em>simulated data segments per wall-clock second</em>; with {@code -prof gc},
 * {@code gc.alloc.rate.norm} is the heap allocated per data segment.
 *
 * <p>Shaped like ns-3's S1 bulk scenario ({@code /work/shared/bench/ns3}): one NewReno flow,
 * 10 Gbit/s, 10 us propagation, MSS 1448, 4 MiB socket buffers; checksum offload and TSO on,
 * one queue pair. The hosts' cores are clocked at 20 GHz so that the wire, not the host CPU,
 * limits the flow (ns-3 has no host CPU). One operation = one data segment delivered by host
 * B's driver to its stack; each invocation advances the simulation by {@value #SEGMENTS} of them.
 *
 * <p>Measured on the shared 2-core build machine (load average 4-6 from parallel builds, so
 * noisy): ~270k data segments per wall second (9.41 Gbit/s simulated goodput, ~25 events per
 * segment), 2,265 B allocated per segment, almost all of it the typed PCIe/DMA messages and
 * segment/frame records of nic-model and tcp-stack. ns-3.37 runs its S1 10G scenario at 21.9k
 * data segments per wall second.
 *
 * <pre>
 *   ./mvnw -q -o -Pjmh -pl host-os -am test-compile exec:exec \
 *       -Djmh.args="TwoHostBulkBench -prof gc -wi 2 -i 3 -w 2 -r 2"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TwoHostBulkBench {
    static final int SEGMENTS = 1000;
    private static final long FAST_CLOCK_HZ = 20_000_000_000L;

    private TwoHostSystem sys;
    private BulkReceiver receiver;
    private long target;
    private long dataSegments;

    @Setup(Level.Trial)
    public void setUp() {
        TcpConfig tcp = TcpConfig.builder().mssBytes(1448).congestionControl("newreno")
                .sendBufferBytes(4 << 20).receiveBufferBytes(4 << 20).minRtoPs(200 * Units.PS_PER_MS)
                .initialRtoPs(Units.PS_PER_S).mslPs(Units.PS_PER_MS).build();
        TwoHostSystem.Spec spec = TwoHostSystem.Spec.defaults().withLinkRate(10_000_000_000L).withTcp(tcp)
                .withCoresA(2, FAST_CLOCK_HZ).withCoresB(2, FAST_CLOCK_HZ);
        sys = new TwoHostSystem(spec);
        receiver = new BulkReceiver(sys.b.sockets(), 1, 5001, 1 << 20, ApplicationWork.NONE);
        new BulkSender(sys.a.sockets(), 1, Long.MAX_VALUE / 4, 1 << 20, ApplicationWork.NONE)
                .start(TwoHostSystem.IP_B, 5001);
        sys.b.setRxTap((f, core, info) -> {
            if (f.tcp().payloadLenBytes() > 0 && ++dataSegments == target) {
                sys.sim.stop();
            }
        });
        advance(20 * SEGMENTS); // past the handshake and slow start
    }

    private long advance(int segments) {
        target = dataSegments + segments;
        sys.sim.run();
        return sys.sim.now();
    }

    @Benchmark
    @OperationsPerInvocation(SEGMENTS)
    public long bulkSegments() {
        return advance(SEGMENTS);
    }

    @TearDown(Level.Trial)
    public void report() {
        double seconds = sys.sim.now() / (double) Units.PS_PER_S;
        System.out.printf("%n# simulated %.3f s, %d bytes received, goodput %.2f Gbit/s, %d events%n", seconds,
                receiver.result().bytes(), receiver.result().bytes() * 8 / seconds / 1e9, sys.sim.eventsRun());
    }
}
