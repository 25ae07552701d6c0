package org.toesim.host.offload;

import java.util.ArrayList;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.tcp.segment.FourTuple;

/**
 * Shows watched on-host connections to the {@link OffloadPolicy} (claim 7): once when watching
 * starts and then every {@code checkIntervalPs} while the connection stays on the host, unless a
 * refusal or an upload request put it in backoff ({@code refusedUntilPs}).
 *
 * <pre>
 *  watch(r) --&gt; consider(r) --&gt; arm the check event
 *  check event: for r in watched (in watch order; forgotten ones dropped): on host? consider(r)
 *  consider(r): on host, not in backoff, facts ESTABLISHED --&gt; policy.decide(facts) [traced]
 *               --offload--&gt; HandoffSequence.begin(r)
 * </pre>
 * One reusable event serves every watched connection; the watched list is an ArrayList compacted
 * in place on each check (no allocation per check).
 */
final class PolicyWatch {
    private final OffloadManager manager;
    private final Simulator sim;
    private final StackPort stack;
    private final OffloadConfig config;
    private final HandoffSequence handoff;
    private final ArrayList<OffloadRecord> watched = new ArrayList<>();
    private final Event checkEvent;
    long decisions;

    PolicyWatch(OffloadManager manager, Simulator sim, StackPort stack, OffloadConfig config, HandoffSequence handoff,
                String component) {
        this.manager = manager;
        this.sim = sim;
        this.stack = stack;
        this.config = config;
        this.handoff = handoff;
        this.checkEvent = sim.newEvent("offload.check", component, Priority.TIMER, this::checkWatched);
    }

    /** Starts watching {@code r}: the policy is asked now and at every check while it is on the host. */
    void watch(OffloadRecord r) {
        if (!r.watched) {
            r.watched = true;
            watched.add(r);
        }
        consider(r);
        armCheck();
    }

    /** Asks the policy about {@code r} now; starts a handoff if it says so. */
    void consider(OffloadRecord r) {
        if (!r.state.onHost() || sim.now() < r.refusedUntilPs) {
            return;
        }
        FourTuple tuple = r.tuple();
        ConnectionFacts facts = stack.facts(tuple);
        if (facts == null || !facts.established()) {
            return;
        }
        PolicyDecision d = config.policy().decide(facts);
        decisions++;
        if (manager.tracing()) {
            manager.traceRecord(new OffloadTrace.PolicyDecided(tuple, config.policy().name(), d.offload(),
                    d.reason()));
        }
        if (d.offload()) {
            handoff.begin(r);
        }
    }

    private void checkWatched() {
        int keep = 0;
        for (int i = 0; i < watched.size(); i++) {
            OffloadRecord r = watched.get(i);
            if (!r.watched || manager.record(r.tuple()) != r) {
                continue;
            }
            watched.set(keep++, r);
            if (r.state.onHost()) {
                consider(r);
            }
        }
        watched.subList(keep, watched.size()).clear();
        armCheck();
    }

    private void armCheck() {
        if (!watched.isEmpty() && !checkEvent.isPending()) {
            sim.scheduleIn(checkEvent, config.checkIntervalPs());
        }
    }
}
