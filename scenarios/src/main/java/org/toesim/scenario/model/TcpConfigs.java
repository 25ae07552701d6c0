package org.toesim.scenario.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.toesim.core.units.Units;
import org.toesim.scenario.spec.HostSpec;
import org.toesim.scenario.spec.NicSpec;
import org.toesim.scenario.spec.Problem;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioException;
import org.toesim.scenario.spec.TcpSpec;
import org.toesim.scenario.spec.WorkloadSpec;
import org.toesim.tcp.engine.TcpConfig;

/**
 * The TCP configuration of each host's stack. The host stack applies one {@link TcpConfig} to
 * all its connections, so every workload touching a host must ask for the same {@code tcp}
 * options; a host in no workload gets the defaults.
 */
final class TcpConfigs {
    private TcpConfigs() {
    }

    /** The TCP options per host name. */
    static Map<String, TcpSpec> perHost(Scenario s) throws ScenarioException {
        Map<String, TcpSpec> out = new HashMap<>();
        Map<String, Integer> firstWorkload = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> mtu = new HashMap<>();
        for (HostSpec h : s.hosts()) {
            mtu.putIfAbsent(h.name(), h.nic().mtuBytes());
        }
        for (int i = 0; i < s.workloads().size(); i++) {
            WorkloadSpec w = s.workloads().get(i);
            for (String host : List.of(w.from(), w.to())) {
                // compared with the MSS resolved: no mss and mss = MTU - 40 are the same options
                TcpSpec tcp = w.tcp().resolvedFor(mtu.getOrDefault(host, NicSpec.DEFAULT_MTU_BYTES));
                TcpSpec prev = out.putIfAbsent(host, tcp);
                firstWorkload.putIfAbsent(host, i);
                if (prev != null && !prev.equals(tcp)) {
                    problems.add(new Problem("<scenario>", 0, 0, "workloads[" + i + "].tcp",
                            "differs from workloads[" + firstWorkload.get(host) + "].tcp on host '" + host
                                    + "'; the host stack runs one TCP configuration per host",
                            "the same tcp options for every workload of a host", ""));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return out;
    }

    /**
     * The engine configuration for {@code t} on a host whose NIC has an MTU of {@code mtuBytes}:
     * without an explicit {@code mss} the host advertises MTU - 40, as Linux does.
     */
    static TcpConfig of(TcpSpec t, int mtuBytes) {
        return TcpConfig.builder()
                .mssBytes(t.mssFor(mtuBytes))
                .congestionControl(t.congestionControl().fileName())
                .sack(t.sack())
                .ecn(t.ecn())
                .pacing(t.pacing())
                .timestamps(t.timestamps())
                .windowScale(t.windowScale())
                .nagle(t.nagle())
                .delayedAck(t.delayedAck())
                .minRtoPs(t.minRtoPs())
                .initialRtoPs(Math.max(t.minRtoPs(), Units.PS_PER_S))
                .sendBufferBytes((int) t.sendBufferBytes())
                .receiveBufferBytes((int) t.receiveBufferBytes())
                .maxReceiveBufferBytes((int) t.maxReceiveBufferBytes())
                .features(t.features())
                .build();
    }
}
