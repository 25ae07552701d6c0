package org.toesim.host.cpu;

/**
 * Application CPU work per byte of data it sends or receives: the "application ratio" of the
 * LAWS model (Shivam and Chase, "On the Elusive Benefits of Protocol Offload", ACM SIGCOMM
 * NICELI workshop 2003). LAWS defines the application ratio {@code gamma} as application work
 * per unit of host communication work; offload helps most when {@code gamma} is small (the host
 * was mostly doing TCP) and hardly at all when it is large. Charge it with
 * {@link CostCategory#APPLICATION} in {@link WorkClass#APPLICATION}.
 *
 * @param name          label for reports, e.g. {@code "sink"} or {@code "web-server"}
 * @param cyclesPerByte application cycles per byte of data
 */
public record ApplicationWork(String name, double cyclesPerByte) {
    /** An application that does nothing with the data (a pure sink or source). */
    public static final ApplicationWork NONE = new ApplicationWork("none", 0);

    public ApplicationWork {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("application work needs a name");
        }
        if (!(cyclesPerByte >= 0) || Double.isInfinite(cyclesPerByte)) {
            throw new IllegalArgumentException("application " + name + ": cycles per byte must be finite and >= 0, got "
                    + cyclesPerByte);
        }
    }

    /** Application work of {@code cyclesPerByte}. */
    public static ApplicationWork ofCyclesPerByte(String name, double cyclesPerByte) {
        return new ApplicationWork(name, cyclesPerByte);
    }

    /**
     * Application work with LAWS application ratio {@code gamma} relative to a host stack that
     * spends {@code hostCommunicationCyclesPerByte} per byte (e.g.
     * {@code CostTable.defaults().bulkReceiveCyclesPerSegment(p) / p.mssBytes()}).
     */
    public static ApplicationWork fromLawsRatio(String name, double gamma, double hostCommunicationCyclesPerByte) {
        if (!(gamma >= 0) || !(hostCommunicationCyclesPerByte >= 0)) {
            throw new IllegalArgumentException("LAWS ratio and host cost must be >= 0, got " + gamma + ", "
                    + hostCommunicationCyclesPerByte);
        }
        return new ApplicationWork(name, gamma * hostCommunicationCyclesPerByte);
    }

    /** Cycles to process {@code lenBytes} (rounded to the nearest cycle). */
    public long cyclesFor(long lenBytes) {
        return Math.round(lenBytes * cyclesPerByte);
    }
}
