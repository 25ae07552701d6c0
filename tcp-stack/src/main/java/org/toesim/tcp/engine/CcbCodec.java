package org.toesim.tcp.engine;

import org.toesim.tcp.buffer.ReassemblyQueue;
import org.toesim.tcp.buffer.ReceiveBuffer;
import org.toesim.tcp.buffer.SendBuffer;
import org.toesim.tcp.cc.CongestionControls;
import org.toesim.tcp.cc.CongestionState;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.rtt.RttEstimator;
import org.toesim.tcp.sack.Rack;
import org.toesim.tcp.sack.SackBlockBuilder;
import org.toesim.tcp.sack.SackScoreboard;
import org.toesim.tcp.segment.Payload;

/**
 * Converts a {@link Tcb} to a {@link ControlBlock} and back. Every field that influences future
 * behaviour is carried; deadlines become time remaining.
 */
final class CcbCodec {
    private CcbCodec() {
    }

    static ControlBlock snapshot(Tcb t, long nowPs) {
        ControlBlock.Constant constant = new ControlBlock.Constant(t.tuple, t.iss, t.irs, t.activeOpen, t.ourMssBytes,
                t.peerMssBytes, t.sndMssBytes, t.wsOk, t.sndShift, t.rcvShift, t.sackOk, t.tsOk);
        TcpConfig c = t.config;
        ControlBlock.Cached cached = new ControlBlock.Cached(c.ttl(), c.tos(), c.nagle(), c.delayedAck(),
                c.delayedAckTimeoutPs(), c.keepAlive(), c.keepAliveIdlePs(), c.keepAliveIntervalPs(),
                c.keepAliveProbes(), c.features().receiveAutotuning() ? (int) t.rx.rcvBufBytes : c.receiveBufferBytes(),
                (int) t.sendBuf.capacityBytes());
        ControlBlock.SendState send = new ControlBlock.SendState(t.sndUnaPos, t.sndNxtPos, t.sndMaxPos, t.sndWndBytes,
                t.sndWl1, t.sndWl2, t.maxSndWndBytes, t.finQueued, t.sendBuf.runs(), t.sndSmlPos);
        ControlBlock.ReceiveState recv = new ControlBlock.ReceiveState(t.rcvNxtPos, t.rcvAdvRightPos, t.peerFinPos,
                t.finReceived, t.recvBuf.runs(), t.ooo.runs());
        ControlBlock.TimestampState ts = new ControlBlock.TimestampState(t.tsRecent, t.lastAckSent, t.tsOffset);
        ControlBlock.LossRecovery loss = new ControlBlock.LossRecovery(t.prrDeliveredBytes, t.prrOutBytes,
                t.prrRecoverFsBytes, t.renoSackedBytes, t.rack == null ? null : t.rack.snapshot(nowPs),
                remaining(t.rackReoDeadlinePs, nowPs), remaining(t.tlpDeadlinePs, nowPs), t.tlpHighPos, t.tlpRetrans);
        ControlBlock.CongestionPart cong = new ControlBlock.CongestionPart(t.cs.cwndBytes, t.cs.ssthreshBytes,
                t.cc.snapshot(), t.dupAcks, t.inRecovery, t.recoverPos, loss);
        ControlBlock.TimerState timers = new ControlBlock.TimerState(t.timer,
                t.timerDeadlinePs == Long.MAX_VALUE ? 0 : t.timerDeadlinePs - nowPs, t.timerRetries,
                t.delAckDeadlinePs == Long.MAX_VALUE ? -1 : t.delAckDeadlinePs - nowPs, t.unackedRcvBytes, t.ackNow,
                t.rttSeqPos, t.rttSeqPos >= 0 ? nowPs - t.rttStartPs : 0, nowPs - t.lastRecvPs,
                t.paceAtPs == Long.MIN_VALUE ? Long.MIN_VALUE : t.paceAtPs - nowPs);
        ControlBlock.Delegated delegated = new ControlBlock.Delegated(t.state, send, recv, ts, cong, t.rtt.snapshot(),
                timers, t.scoreboard == null ? null : t.scoreboard.snapshot(), t.sackBuilder.reported(),
                t.stats.snapshot(nowPs, t.rtt.srttPs(), t.cs.cwndBytes, t.cs.ssthreshBytes), t.undo.snapshot(),
                t.rx.snapshot(nowPs), t.usRtt == null ? null : t.usRtt.snapshot(nowPs),
                t.ecnOk ? new ControlBlock.EcnState(t.ecnEceToSend, t.ecnCeState, t.ecnCwrToSend, t.ecnCwrEndPos)
                        : null,
                t.rate == null ? null : t.rate.snapshot(nowPs));
        return new ControlBlock(constant, cached, delegated);
    }

    private static long remaining(long deadlinePs, long nowPs) {
        return deadlinePs == Long.MAX_VALUE ? -1 : Math.max(0, deadlinePs - nowPs);
    }

    private static long deadline(long remainingPs, long nowPs) {
        return remainingPs < 0 ? Long.MAX_VALUE : nowPs + remainingPs;
    }

    private static void restoreLoss(Tcb t, ControlBlock.LossRecovery l, long nowPs) {
        t.prrDeliveredBytes = l.prrDeliveredBytes();
        t.prrOutBytes = l.prrOutBytes();
        t.prrRecoverFsBytes = l.prrRecoverFsBytes();
        t.renoSackedBytes = l.renoSackedBytes();
        t.rack = l.rack() == null ? null : Rack.restore(l.rack(), nowPs);
        t.rackReoDeadlinePs = deadline(l.rackReoRemainingPs(), nowPs);
        t.tlpDeadlinePs = deadline(l.tlpRemainingPs(), nowPs);
        t.tlpHighPos = l.tlpHighPos();
        t.tlpRetrans = l.tlpRetrans();
    }

    /** The configuration with the host-owned (cached) settings of {@code cached}. */
    static TcpConfig withCached(TcpConfig config, ControlBlock.Cached cached) {
        TcpConfig merged = config.toBuilder().ttl(cached.ttl()).tos(cached.tos()).nagle(cached.nagle())
                .delayedAck(cached.delayedAck()).delayedAckTimeoutPs(cached.delayedAckTimeoutPs())
                .keepAlive(cached.keepAlive()).keepAliveIdlePs(cached.keepAliveIdlePs())
                .keepAliveIntervalPs(cached.keepAliveIntervalPs()).keepAliveProbes(cached.keepAliveProbes())
                .receiveBufferBytes(cached.receiveBufferBytes()).sendBufferBytes(cached.sendBufferBytes()).build();
        return merged.equals(config) ? config : merged; // one shared config for a table of like connections
    }

    static void restore(Tcb t, ControlBlock ccb, long nowPs) {
        ControlBlock.Constant k = ccb.constant();
        ControlBlock.Delegated d = ccb.delegated();
        t.tuple = k.tuple();
        t.iss = k.iss();
        t.irs = k.irs();
        t.activeOpen = k.activeOpen();
        t.ourMssBytes = k.ourMssBytes();
        t.peerMssBytes = k.peerMssBytes();
        t.sndMssBytes = k.sndMssBytes();
        t.wsOk = k.windowScaleOk();
        t.sndShift = k.sndWindowShift();
        t.rcvShift = k.rcvWindowShift();
        t.sackOk = k.sackPermitted();
        t.tsOk = k.timestampsOk();
        t.state = d.state();
        ControlBlock.SendState s = d.send();
        t.sndUnaPos = s.sndUnaPos();
        t.sndNxtPos = s.sndNxtPos();
        t.sndMaxPos = s.sndMaxPos();
        t.sndSmlPos = s.sndSmlPos();
        t.sndWndBytes = s.sndWndBytes();
        t.sndWl1 = s.sndWl1();
        t.sndWl2 = s.sndWl2();
        t.maxSndWndBytes = s.maxSndWndBytes();
        t.finQueued = s.finQueued();
        t.sendBuf = SendBuffer.of(ccb.cached().sendBufferBytes(), d.sendStartOffset(), s.unacked());
        ControlBlock.ReceiveState r = d.receive();
        t.rcvNxtPos = r.rcvNxtPos();
        t.rcvAdvRightPos = r.rcvAdvRightPos();
        t.peerFinPos = r.peerFinPos();
        t.finReceived = r.finReceived();
        long undeliveredBytes = 0;
        for (Payload p : r.undelivered()) {
            undeliveredBytes += p.lenBytes();
        }
        long deliveredEnd = Math.max(0, r.rcvNxtPos() - 1 - (r.finReceived() ? 1 : 0));
        t.recvBuf = ReceiveBuffer.of(deliveredEnd - undeliveredBytes, r.undelivered());
        t.ooo = new ReassemblyQueue(t.config.reassemblyMaxRanges());
        for (Payload p : r.outOfOrder()) {
            t.ooo.insert(p);
        }
        t.tsRecent = d.timestamps().tsRecent();
        t.lastAckSent = d.timestamps().lastAckSent();
        t.tsOffset = d.timestamps().tsOffset();
        ControlBlock.CongestionPart c = d.congestion();
        t.cc = CongestionControls.restore(c.algorithm());
        t.cs = new CongestionState(t.sndMssBytes, c.cwndBytes());
        t.cs.ssthreshBytes = c.ssthreshBytes();
        t.dupAcks = c.dupAcks();
        t.inRecovery = c.inRecovery();
        t.recoverPos = c.recoverPos();
        restoreLoss(t, c.loss(), nowPs);
        t.rtt = RttEstimator.restore(d.rtt());
        t.cs.srttPs = t.rtt.srttPs();
        t.cs.minRttPs = t.rtt.minRttPs();
        if (t.usRtt != null && d.sendTimeRtt() != null) {
            t.usRtt.restore(d.sendTimeRtt(), nowPs);
            if (t.usRtt.minRttPs() >= 0) {
                t.cs.minRttPs = t.usRtt.minRttPs(); // ca_rtt minimum once µs samples began
            }
        }
        t.scoreboard = d.scoreboard() == null ? null : SackScoreboard.restore(d.scoreboard());
        ControlBlock.RateSampling rs = d.rate();
        t.rate = rs == null ? null : RateSampler.restore(rs, nowPs);
        t.sackBuilder = new SackBlockBuilder(d.sackReported());
        t.undo = UndoState.restore(d.undo());
        ControlBlock.TimerState tm = d.timers();
        t.paceAtPs = tm.paceRemainingPs() == Long.MIN_VALUE ? Long.MIN_VALUE : nowPs + tm.paceRemainingPs();
        t.timer = tm.kind();
        t.timerDeadlinePs = tm.kind() == TimerKind.IDLE ? Long.MAX_VALUE : nowPs + tm.remainingPs();
        t.timerRetries = tm.retries();
        t.delAckDeadlinePs = tm.delayedAckRemainingPs() < 0 ? Long.MAX_VALUE : nowPs + tm.delayedAckRemainingPs();
        t.unackedRcvBytes = tm.unackedRcvBytes();
        t.ackNow = tm.ackNow();
        t.rttSeqPos = tm.rttSeqPos();
        t.rttStartPs = nowPs - tm.rttElapsedPs();
        t.lastRecvPs = nowPs - tm.sinceLastRecvPs();
        t.stats.restore(d.stats(), t.state, nowPs);
        t.rx.restore(d.receiver(), nowPs);
        ControlBlock.EcnState e = d.ecn();
        t.ecnOk = e != null;
        t.ecnEceToSend = e != null && e.eceToSend();
        t.ecnCeState = e != null && e.ceState();
        t.ecnCwrToSend = e != null && e.cwrToSend();
        t.ecnCwrEndPos = e == null ? -1 : e.cwrEndPos();
    }
}
