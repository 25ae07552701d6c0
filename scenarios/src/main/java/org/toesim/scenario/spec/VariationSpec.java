package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Run-to-run variation ({@code variation}): named, seeded jitter sources a testbed has, so
 * replications of a scenario without random loss differ as real runs do. A profile sets all
 * sources; a field given overrides its source ({@code 0} switches it off):
 * <pre>
 *   "variation": "off"   (same as {"profile": "off"})             exact: no source draws
 *   "variation": "testbed"                                       every source at TESTBED
 *   "variation": {"profile": "testbed"}                          every source at TESTBED
 *   "variation": {"profile": "testbed", "startJitter": "0"}      all but the start skew
 *   "variation": {"cpuCostJitter": 0.05}                         one source, on the default profile
 * </pre>
 * Sources (stream names per host {@code h} and workload {@code w}; a stream's draws depend only
 * on the seed and its name, so the same scenario and seed are bit-identical with variation on):
 * <pre>
 *   cpuCostJitter    "h.cpu.jitter"        each CPU work item's cycles x lognormal factor (mean 1)
 *   interruptJitter  "h.rc.irq.jitter"     each MSI-X interrupt reaches the CPU Exp(mean) later
 *   startJitter      "w.start.jitter",     each workload, then each of its connections
 *                    "w.c<k>.start.jitter"   (bulk, request-response) starts U[0, max) later
 * </pre>
 *
 * @param profile           the profile the sources default to
 * @param cpuCostJitter     log-space standard deviation of the per-item CPU cost factor (about
 *                          its coefficient of variation), truncated at 3 sigma; 0 is off
 * @param interruptJitterPs mean of the exponential extra interrupt latency (capped at 10
 *                          means); 0 is off
 * @param startJitterPs     the largest start offset of a workload and of each connection; 0 is off
 */
public record VariationSpec(VariationProfileName profile, double cpuCostJitter, long interruptJitterPs,
                            long startJitterPs) {
    /**
     * The profile when the file gives none: testbed variation, so replications differ as real
     * runs do; exact tests say {@code "variation": "off"}.
     */
    public static final VariationProfileName DEFAULT_PROFILE = VariationProfileName.TESTBED;
    /** No source draws. */
    public static final VariationSpec OFF = new VariationSpec(VariationProfileName.OFF, 0, 0, 0);
    /**
     * Testbed magnitudes. CPU cost: sigma 3 % per work item, "a few percent" of per-packet cost
     * variation (cache and TLB misses, branch prediction, frequency steps); a run averages it over
     * its thousands of items, so alone it moves a 4 MiB transfer's goodput by ~0.1 %. Interrupt
     * latency: mean 2 us, the 1-5 us from MSI-X arrival to handler of a Linux server with deep
     * C-states off (cyclictest-style latencies on non-RT kernels); longer C-state exits are
     * capped out at 20 us. Start skew: up to 100 us per workload and per connection, as
     * applications a harness launches "together" start tens to hundreds of microseconds apart.
     */
    public static final VariationSpec TESTBED = new VariationSpec(VariationProfileName.TESTBED, 0.03,
            2_000_000L, 100_000_000L);
    /** What a file without {@code variation} gets. */
    public static final VariationSpec DEFAULT = of(null, null, null, null);

    public VariationSpec {
        if (profile == null) {
            throw new FieldException("profile", "missing", "one of " + NamedValues.names(VariationProfileName.class));
        }
        if (!(cpuCostJitter >= 0 && cpuCostJitter <= MAX_CPU_COST_JITTER)) {
            throw new FieldException("cpuCostJitter", cpuCostJitter + " is out of range",
                    "a standard deviation in [0, " + MAX_CPU_COST_JITTER + "], e.g. 0.03");
        }
        Checks.between("interruptJitter", interruptJitterPs, 0, MAX_INTERRUPT_JITTER_PS);
        Checks.between("startJitter", startJitterPs, 0, MAX_START_JITTER_PS);
    }

    /** The largest cpuCostJitter: 0.5 (the truncated factor then spans [0.2, 4]). */
    public static final double MAX_CPU_COST_JITTER = 0.5;
    /** The largest mean interrupt jitter: 1 ms. */
    public static final long MAX_INTERRUPT_JITTER_PS = 1_000_000_000L;
    /** The largest start jitter: 1 s. */
    public static final long MAX_START_JITTER_PS = 1_000_000_000_000L;

    /** Whether any source draws. */
    public boolean enabled() {
        return cpuCostJitter > 0 || interruptJitterPs > 0 || startJitterPs > 0;
    }

    /** The sources of {@code p}. */
    public static VariationSpec of(VariationProfileName p) {
        return p == VariationProfileName.TESTBED ? TESTBED : OFF;
    }

    /** The string form {@code "variation": "off" | "testbed"}: that profile, no overrides. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static VariationSpec ofName(String name) {
        VariationProfileName p = NamedValues.lookup(VariationProfileName.class, name);
        if (p == null) {
            String hint = Suggest.closest(name, NamedValues.list(VariationProfileName.class));
            throw new FieldException("profile", "unknown value '" + name + "'" + (hint.isEmpty() ? "" : " (did you mean '"
                    + hint + "'?)"), "one of " + NamedValues.names(VariationProfileName.class)
                    + " or an object of sources");
        }
        return of(p);
    }

    @JsonCreator
    static VariationSpec of(@JsonProperty("profile") VariationProfileName profile,
                            @JsonProperty("cpuCostJitter") Double cpuCostJitter,
                            @JsonProperty("interruptJitter") @JsonDeserialize(using = Quantities.Duration.class)
                            Long interruptJitter,
                            @JsonProperty("startJitter") @JsonDeserialize(using = Quantities.Duration.class)
                            Long startJitter) {
        VariationSpec base = of(Checks.or(profile, DEFAULT_PROFILE));
        return new VariationSpec(base.profile(), Checks.or(cpuCostJitter, base.cpuCostJitter()),
                Checks.or(interruptJitter, base.interruptJitterPs()), Checks.or(startJitter, base.startJitterPs()));
    }
}
