package org.toesim.host.app;

import org.toesim.host.cpu.ApplicationWork;
import org.toesim.host.cpu.CostCategory;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.cpu.WorkClass;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.mem.MemoryRegion;
import org.toesim.host.mem.RegionKind;
import org.toesim.host.socket.AppBuffer;

/** Helpers the workloads share: application work on the app's core, application buffers. */
final class AppCpu {
    private AppCpu() {
    }

    /** Runs {@code then} after the application has processed {@code lenBytes} on {@code core}. */
    static void work(HostCpu cpu, int core, ApplicationWork work, long lenBytes, Runnable then) {
        long cycles = work.cyclesFor(lenBytes);
        if (cycles == 0) {
            then.run();
            return;
        }
        cpu.submit(core, WorkClass.APPLICATION, CostCategory.APPLICATION, cycles, (c, a) -> then.run(), 0);
    }

    /** A byte-holding application buffer of {@code lenBytes}, named {@code prefix.k} with the first free k. */
    static AppBuffer realBuffer(HostMemory memory, String prefix, int lenBytes) {
        int k = 0;
        while (memory.region(prefix + "." + k) != null) {
            k++;
        }
        MemoryRegion r = memory.allocate(prefix + "." + k, RegionKind.APPLICATION_BUFFER, lenBytes, true);
        return new AppBuffer(r.baseAddress(), lenBytes);
    }

    /** A virtual application buffer of {@code lenBytes} (lengths only, no content kept). */
    static AppBuffer buffer(HostMemory memory, String name, int lenBytes) {
        MemoryRegion r = memory.allocate(name, RegionKind.APPLICATION_BUFFER, lenBytes, false);
        return new AppBuffer(r.baseAddress(), lenBytes);
    }
}
