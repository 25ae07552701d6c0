package org.toesim.tcp.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says in a few words what a connection is waiting for, from its control block: the main timer
 * (retransmission with its backed-off RTO, persist probes against a zero peer window, TIME_WAIT),
 * handshake and close states, and data held in either buffer. Used to explain a run that did not
 * finish; never on the per-segment path.
 * <pre>
 *   SYN-SENT: awaiting SYN-ACK (retransmission timer, RTO 2 s, 1 backoffs, fires in 1.4 s)
 *   ESTABLISHED: retransmission timer (RTO 8 s, 3 backoffs, fires in 5.1 s), 65536 bytes unacknowledged
 *   ESTABLISHED: peer window zero (persist timer, 2 probes, next in 4 s), 1048576 bytes queued
 * </pre>
 */
final class WaitDescription {
    private WaitDescription() {
    }

    static String of(Tcb t, long nowPs) {
        String state = t.state.name().replace('_', '-');
        return switch (t.state) {
            case CLOSED -> "CLOSED";
            case LISTEN -> "LISTEN: awaiting a SYN";
            case SYN_SENT -> state + ": awaiting SYN-ACK (" + timer(t, nowPs) + ")";
            case SYN_RECEIVED -> state + ": awaiting the ACK of our SYN-ACK (" + timer(t, nowPs) + ")";
            case TIME_WAIT -> state + ": 2 MSL quiet time, ends in " + approx(t.timerDeadlinePs - nowPs);
            default -> state + ": " + String.join(", ", synchronizedParts(t, nowPs));
        };
    }

    /** The interval of a pending retransmission or persist timer, or -1 if neither runs. */
    static long retryIntervalPs(Tcb t) {
        return switch (t.timer) {
            case RETRANSMIT -> t.rtt.rtoPs();
            case PERSIST -> Math.min(t.rtt.rtoPs() << Math.min(t.timerRetries, 16), t.config.maxRtoPs());
            default -> -1;
        };
    }

    private static List<String> synchronizedParts(Tcb t, long nowPs) {
        List<String> parts = new ArrayList<>();
        long unacked = t.sndMaxPos - t.sndUnaPos;
        long unsent = Math.max(0, t.sendBuf.endOffset() + 1 - t.sndNxtPos);
        if (t.timer == TimerKind.RETRANSMIT) {
            parts.add(timer(t, nowPs) + (unacked > 0 ? ", " + unacked + " bytes unacknowledged" : ""));
        } else if (t.timer == TimerKind.PERSIST || (unsent > 0 && t.sndWndBytes == 0)) {
            parts.add("peer window zero (" + timer(t, nowPs) + "), " + unsent + " bytes queued");
        } else if (unsent > 0) {
            parts.add(unsent + " bytes queued to send (cwnd " + t.cs.cwndBytes + " B, peer window "
                    + t.sndWndBytes + " B)");
        }
        switch (t.state) {
            case FIN_WAIT_1, CLOSING, LAST_ACK -> parts.add("awaiting the ACK of our FIN");
            case FIN_WAIT_2 -> parts.add("awaiting the peer's FIN");
            case CLOSE_WAIT -> parts.add("peer closed, awaiting the application's close");
            default -> {
            }
        }
        long readable = t.recvBuf.readableBytes();
        if (readable > 0) {
            parts.add(readable + " received bytes not read by the application"
                    + (t.rcvAdvRightPos <= t.rcvNxtPos ? " (receive window zero)" : ""));
        }
        if (parts.isEmpty()) {
            parts.add(t.finReceived ? "idle" : "idle, awaiting data from the peer");
        }
        return parts;
    }

    private static String timer(Tcb t, long nowPs) {
        String due = t.timerDeadlinePs == Long.MAX_VALUE ? "" : ", fires in " + approx(t.timerDeadlinePs - nowPs);
        return switch (t.timer) {
            case RETRANSMIT -> "retransmission timer (RTO " + approx(t.rtt.rtoPs()) + ", " + t.timerRetries
                    + " backoffs" + due + ")";
            case PERSIST -> "persist timer, " + t.timerRetries + " probes" + due;
            case KEEPALIVE -> "keep-alive timer" + due;
            case TIME_WAIT -> "TIME_WAIT timer" + due;
            case IDLE -> "no timer running";
        };
    }

    /** A duration for people, three significant digits: {@code 1.2 s}, {@code 340 ms}, {@code 12.5 us}. */
    static String approx(long ps) {
        String[] units = {"s", "ms", "us", "ns"};
        double v = ps / 1e12;
        int i = 0;
        while (i < units.length - 1 && Math.abs(v) < 1 && v != 0) {
            v *= 1000;
            i++;
        }
        String n = Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
        if (n.indexOf('.') >= 0) {
            n = n.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return n + " " + units[i];
    }
}
