package org.toesim.host.offload;

import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.units.Units;
import org.toesim.tcp.segment.FourTuple;

/**
 * Shows watched on-host connections to the {@link OffloadPolicy} (claim 7): once when watching
 * starts and then every {@code checkIntervalPs} while the connection stays on the host, unless a
 * refusal or an upload request put it in backoff ({@code refusedUntilPs}).
 *
 * <pre>
 *  watch(r) --&gt; list r; consider(r) --&gt; arm the check event
 *  check event: for r in the list (in listing order):
 *      closed (forgotten), off the host, never to be offloaded again, or settled --&gt; unlisted
 *      else consider(r)
 *  back on the host (refusal, flush; {@link #backOnHost}) --&gt; listed again unless never again / settled
 *  consider(r): on host, not in backoff, facts ESTABLISHED --&gt; policy.decide(facts) [traced]
 *               --offload--&gt; HandoffSequence.begin(r)     --settled stay--&gt; not asked again
 * </pre>
 * The list holds only connections the policy may still move: a check costs one visit per
 * on-host connection whose verdict can change, nothing for offloaded, closed or settled ones
 * (the list used to keep every connection ever opened, so each check grew with the run and a
 * run of short connections was quadratic). Membership is a flag on the record (no lookup); the
 * list is an ArrayList compacted in place on each check (no allocation per check). One reusable
 * event serves every listed connection.
 * Each decision is logged at TRACE (every check of every listed connection).
 */
final class PolicyWatch {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyWatch.class);
    private final OffloadManager manager;
    private final Simulator sim;
    private final StackPort stack;
    private final OffloadConfig config;
    private final HandoffSequence handoff;
    private final ArrayList<OffloadRecord> listed = new ArrayList<>();
    private final Event checkEvent;
    long decisions;

    PolicyWatch(OffloadManager manager, Simulator sim, StackPort stack, OffloadConfig config, HandoffSequence handoff,
                String component) {
        this.manager = manager;
        this.sim = sim;
        this.stack = stack;
        this.config = config;
        this.handoff = handoff;
        this.checkEvent = sim.newEvent("offload.check", component, Priority.TIMER, this::checkListed);
    }

    /** Starts watching {@code r}: the policy is asked now and at every check while it is on the host. */
    void watch(OffloadRecord r) {
        r.watched = true;
        list(r);
        consider(r);
        armCheck();
    }

    /** {@code r} runs on the host again (a refused handoff or a flush): checks resume if they may matter. */
    void backOnHost(OffloadRecord r) {
        if (r.watched && !r.listed && mayMove(r)) {
            list(r);
            armCheck();
        }
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
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {}: policy {} on {}: {} ({})", Units.logTime(sim.now()), manager.component(),
                    config.policy().name(), tuple.traceText(), d.offload() ? "offload" : d.settled() ? "stay for good"
                            : "stay", d.reason());
        }
        if (manager.tracing()) {
            manager.traceRecord(new OffloadTrace.PolicyDecided(tuple, config.policy().name(), d.offload(),
                    d.reason()));
        }
        if (d.settled()) {
            r.policySettled = true;
        }
        if (d.offload()) {
            handoff.begin(r);
        }
    }

    /** On-host connections shown to the policy at each check now (for tests and diagnostics). */
    int listedConnections() {
        return listed.size();
    }

    /** Whether the policy may still move {@code r} (it is not settled and not barred for good). */
    private static boolean mayMove(OffloadRecord r) {
        return !r.policySettled && r.refusedUntilPs != Long.MAX_VALUE;
    }

    private void list(OffloadRecord r) {
        if (!r.listed && mayMove(r)) {
            r.listed = true;
            listed.add(r);
        }
    }

    private void checkListed() {
        int keep = 0;
        for (int i = 0; i < listed.size(); i++) {
            OffloadRecord r = listed.get(i);
            if (!r.watched || !r.state.onHost() || !mayMove(r)) {
                r.listed = false;
                continue;
            }
            listed.set(keep++, r);
            consider(r);
        }
        listed.subList(keep, listed.size()).clear();
        armCheck();
    }

    private void armCheck() {
        if (!listed.isEmpty() && !checkEvent.isPending()) {
            sim.scheduleIn(checkEvent, config.checkIntervalPs());
        }
    }
}
