package org.toesim.tcp.bench;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.tcp.engine.SegmentSink;
import org.toesim.tcp.engine.TcpConfig;
import org.toesim.tcp.engine.TcpConnection;
import org.toesim.tcp.engine.TcpEvents;
import org.toesim.tcp.engine.TcpState;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Segment;

/**
 * Whole-engine cost per segment: two {@link TcpConnection}s in a never-ending bulk transfer
 * (client sends virtual bytes, server consumes them as a TOE would) through an in-memory,
 * zero-delay wire. One benchmark operation = one segment fed to {@code input} (data or ACK),
 * including whatever that segment makes the engine emit. So ops/s is segments processed per
 * second and {@code gc.alloc.rate.norm} is bytes allocated per segment processed.
 *
 * <pre>
 *   client ─sink─▶ wire (FIFO, shared) ─▶ server.input ─▶ consume ─▶ (ACKs) ─▶ wire ─▶ client.input
 *   wire empty ─▶ clock jumps to the earliest nextWakeupPs ─▶ poll (delayed ACK, RTO)
 * </pre>
 *
 * {@code options}: which of timestamps / SACK both sides offer. {@code lossEvery}: drop every
 * n-th data segment on the wire (0: none), exercising out-of-order queueing, SACK blocks and
 * loss recovery. Time advances 1 µs per segment so timestamps tick.
 * <p>Run: {@code ./mvnw -q -o -Djmh.module=tcp-stack -pl tcp-stack -am test-compile exec:exec
 * -Djmh.args="BulkTransferBench -prof gc -wi 2 -i 3 -w 2 -r 2"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class BulkTransferBench {
    private static final long STEP_PS = Units.PS_PER_US;

    @Param({"plain", "ts", "sack", "ts+sack"})
    public String options;

    @Param({"0", "1000"})
    public int lossEvery;

    private final ArrayDeque<Segment> wire = new ArrayDeque<>(1024);
    private TcpConnection client;
    private TcpConnection server;
    private FourTuple clientTuple;
    private SegmentSink sink;
    private long nowPs;
    private long dataSegments;

    @Setup(Level.Trial)
    public void setUp() {
        TcpConfig cfg = TcpConfig.builder().mssBytes(1460).sendBufferBytes(256 * 1024)
                .receiveBufferBytes(256 * 1024).minRtoPs(200 * Units.PS_PER_MS).initialRtoPs(Units.PS_PER_S)
                .timestamps(options.contains("ts")).sack(options.contains("sack")).windowScale(true).build();
        clientTuple = new FourTuple(0x0A000001, 40000, 0x0A000002, 80);
        client = new TcpConnection(clientTuple, cfg, TcpEvents.NONE, TraceSink.NONE, "client");
        server = new TcpConnection(clientTuple.reversed(), cfg, TcpEvents.NONE, TraceSink.NONE, "server");
        sink = (tuple, seg) -> {
            if (lossEvery > 0 && seg.payloadLenBytes() > 0 && ++dataSegments % lossEvery == 0) {
                return; // lost on the wire
            }
            wire.addLast(seg);
        };
        server.listen(0xFFFF0000, 0);
        client.connect(0xFFFFFF00, 0);
        client.poll(0, sink);
        while (client.state() != TcpState.ESTABLISHED || server.state() != TcpState.ESTABLISHED) {
            segment();
        }
    }

    /** Feeds the next segment on the wire to its destination (advancing time while the wire is empty). */
    @Benchmark
    public int segment() {
        while (wire.isEmpty()) {
            topUp();
            long wake = Math.min(client.nextWakeupPs(), server.nextWakeupPs());
            if (wake == Long.MAX_VALUE) {
                throw new IllegalStateException("transfer stalled: " + client + " / " + server);
            }
            nowPs = Math.max(nowPs, wake);
            client.poll(nowPs, sink);
            server.poll(nowPs, sink);
        }
        nowPs += STEP_PS;
        Segment seg = wire.pollFirst();
        if (seg.dstPort() == clientTuple.localPort()) {
            topUp();
            client.input(seg, nowPs, sink);
        } else {
            server.input(seg, nowPs, sink);
            server.consume(Long.MAX_VALUE, nowPs);
            if (server.nextWakeupPs() <= nowPs) {
                server.poll(nowPs, sink);
            }
        }
        return seg.window();
    }

    /** The client application keeps its send buffer full. */
    private void topUp() {
        if (client.state() == TcpState.ESTABLISHED) {
            client.send(client.sendSpaceBytes(), nowPs);
        }
    }
}
