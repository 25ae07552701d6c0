package org.toesim.tcp.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.toesim.tcp.cc.CongestionState;
import org.toesim.tcp.cc.Cubic;
import org.toesim.tcp.sack.SackScoreboard;
import org.toesim.tcp.segment.SackBlock;

/**
 * Per-ACK cost of the loss-recovery parts: a SACK-bearing ACK through the scoreboard (update,
 * pipe, NextSeg) with {@code holes} holes in a window of 10,000 segments in flight, and one
 * CUBIC congestion-avoidance ACK.
 * Run: {@code ./mvnw -q -Djmh.module=tcp-stack -pl tcp-stack -am test-compile exec:exec -Djmh.args="LossRecoveryBench -prof gc"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LossRecoveryBench {
    private static final int SMSS = 1448;
    private static final int SEGMENTS = 10_000;

    @Param({"4", "256"})
    public int holes;

    private SackScoreboard board;
    private List<SackBlock> ack;
    private int iss;
    private Cubic cubic;
    private CongestionState cs;
    private long nowPs;

    @Setup
    public void setUp() {
        iss = 0xFFF0_0000;
        board = new SackScoreboard(SMSS, iss);
        board.onNewDataSent(iss + SEGMENTS * SMSS);
        int stride = SEGMENTS / holes;
        for (int h = 0; h < holes; h++) {
            int left = iss + (h * stride + 1) * SMSS;
            board.update(iss, List.of(new SackBlock(left, left + (stride - 2) * SMSS)));
        }
        board.enterRecovery(SMSS);
        int mid = iss + ((holes / 2) * stride + 1) * SMSS;
        ack = List.of(new SackBlock(mid, mid + (stride - 2) * SMSS));
        cubic = new Cubic();
        cs = new CongestionState(SMSS, 1000L * SMSS);
        cs.srttPs = 10_000_000_000L;
        cs.ssthreshBytes = cubic.ssthreshOnLoss(cs, 0);
        cs.cwndBytes = cs.ssthreshBytes;
    }

    /** A duplicate ACK re-reporting one SACK block in the middle of the window (the common case). */
    @Benchmark
    public void sackAck(Blackhole bh) {
        bh.consume(board.update(iss, ack));
        bh.consume(board.pipeBytes());
        bh.consume(board.nextSeg(false));
    }

    @Benchmark
    public long cubicAck() {
        nowPs += 1_000_000;
        cubic.onAck(cs, SMSS, nowPs);
        if (cs.cwndBytes > 4_000L * SMSS) {
            cs.cwndBytes = cs.ssthreshBytes;
        }
        return cs.cwndBytes;
    }
}
