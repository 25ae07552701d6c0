package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.result.CardReport;
import org.toesim.scenario.result.HostReport;
import org.toesim.scenario.result.RunStatus;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;

/**
 * {@code nic.indicationBuffers} end to end: a 4 MiB bulk transfer of real bytes into a TOE host
 * whose application keeps one 64 KiB read posted and works 1 cycle per byte on each before
 * posting the next, so data arrives with no buffer posted. With indication buffers the card
 * indicates it, the socket takes it and the next read copies it out: every byte arrives intact,
 * and the receiving host pays the copies.
 */
class IndicationsTest {
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);
    private static final long SIZE = 4L << 20;

    private static SummaryReport run(int buffers) throws Exception {
        String json = """
                {"name": "indications-%1$d", "seed": 21,
                 "hosts": [{"name": "a"}, {"name": "b", "nic": {"model": "toe", "indicationBuffers": %1$d},
                            "offload": "always"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "4MiB", "receivesPosted": 1,
                                "receiverCyclesPerByte": 1, "tcp": {"realBytes": true}}],
                 "stop": {"until": "workloadsDone", "limit": "1s"}, "outputs": {"timeSeries": "0s", "plots": []}}
                """.formatted(buffers);
        SummaryReport r = new ModelExecutor().execute(Scenarios.parse(json), NO_FILES).summary();
        assertEquals(RunStatus.COMPLETED, r.status(), r.statusReason());
        assertEquals(SIZE, r.connections().get(0).bytesDelivered());
        assertEquals("ok", r.connections().get(0).integrity(), "the receiver checked every byte");
        return r;
    }

    private static CardReport card(SummaryReport r) {
        return r.nics().stream().filter(n -> n.host().equals("b")).findFirst().orElseThrow().card();
    }

    private static HostReport host(SummaryReport r) {
        return r.hosts().stream().filter(h -> h.name().equals("b")).findFirst().orElseThrow();
    }

    @Test
    void indicatedBytesAreTakenByTheSocketAndCopiedByTheHost() throws Exception {
        SummaryReport with = run(64);
        SummaryReport without = run(0);
        CardReport k = card(with);
        assertTrue(k.indications() > 10, "the card indicated data: " + k);
        assertTrue(k.bytesIndicationAccepted() > 256 * 1024, "the socket took indicated bytes: " + k);
        assertTrue(k.bytesIndicationAccepted() <= k.bytesIndicated(), k.toString());
        long viaCard = k.bytesPlaced() + k.bytesIndicationAccepted();
        // the rest went through the host stack, before the handoff and after the peer's FIN took it back
        assertTrue(viaCard <= SIZE && viaCard >= SIZE / 2, "no byte counted twice, most via the card: " + k);
        assertEquals(0, card(without).indications());
        assertTrue(host(with).cyclesPerByteRx() > host(without).cyclesPerByteRx() + 0.1,
                "the host copies what it took from indications: " + host(with) + " vs " + host(without));
    }

}
