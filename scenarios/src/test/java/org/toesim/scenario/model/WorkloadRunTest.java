package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;

class WorkloadRunTest {
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);

    @Test
    void bulkOverTheHostStackDeliversEveryByte() throws Exception {
        RunResult r = new ModelExecutor().execute(Scenarios.parse("""
                {"name": "bulk", "outputs": {"timeSeries": "1ms"},
                 "hosts": [{"name": "a"}, {"name": "b"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "4MiB"}]}
                """), NO_FILES);
        System.out.println(r.summary());
        ConnectionReport c = r.summary().connections().get(0);
        assertEquals(4L << 20, c.bytesDelivered());
        assertEquals("ok", c.integrity());
        assertTrue(c.goodputBitsPerSec() > 1e9, "goodput " + c.goodputBitsPerSec());
    }
}
