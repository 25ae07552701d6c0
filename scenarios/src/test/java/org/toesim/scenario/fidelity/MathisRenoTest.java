package org.toesim.scenario.fidelity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NewReno without reference traces: the Mathis constant C = goodput x RTT x sqrt(p) / MSS over
 * 1 Gbit/s, 1 ms each way at p = 1e-4, 1e-3, 1e-2 (data frames a-&gt;b), two seeds each: 0.8-1.0
 * for {@code rfc} with delayed ACKs (theory sqrt(3/4) = 0.87), 1.1-1.5 for {@code linux}
 * (segment counting, as Linux). p = 1e-4 over 1 GiB is ns-3's S4 (0.528 Gbit/s there).
 */
class MathisRenoTest {
    private static final Logger LOG = LoggerFactory.getLogger(MathisRenoTest.class);

    @ParameterizedTest(name = "{0} p={1}")
    @CsvSource({"rfc, 1e-4", "rfc, 1e-3", "rfc, 1e-2", "linux, 1e-4", "linux, 1e-3", "linux, 1e-2"})
    void mathisConstantInRange(String profile, double p) throws Exception {
        List<MathisSuite.Point> points = MathisSuite.run(FidelityInputs.model(),
                FidelityInputs.experiments().resolve("reno-mathis").resolve("newreno-1g-1ms.json"), List.of(profile),
                List.of(p), List.of(1L, 2L));
        List<Check> checks = MathisSuite.checks(points, FidelityLimits.DEFAULT);
        LOG.info("{}\n{}", points, checks.stream().map(Check::line).collect(Collectors.joining("\n")));
        assertTrue(checks.stream().allMatch(Check::pass), checks.get(0).line());
    }
}
