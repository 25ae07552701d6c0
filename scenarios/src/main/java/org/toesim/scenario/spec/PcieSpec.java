package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The PCI Express link between a host and its adapter.
 *
 * @param gen                 PCIe generation 1..6 (default 3: 8 GT/s per lane)
 * @param lanes               link width x1..x32 (default 8)
 * @param maxPayloadBytes     MPS, largest write TLP payload (default 256)
 * @param maxReadRequestBytes MRRS, largest read request (default 512)
 * @param readLatencyPs       round trip of a memory read through the root complex (default 500ns)
 */
public record PcieSpec(int gen, int lanes, int maxPayloadBytes, int maxReadRequestBytes, long readLatencyPs) {
    /** Gen3 x8, MPS 256, MRRS 512, 500ns read latency. */
    public static final PcieSpec DEFAULT = new PcieSpec(3, 8, 256, 512, 500_000L);

    public PcieSpec {
        Checks.between("gen", gen, 1, 6);
        Checks.powerOfTwo("lanes", lanes, 1, 32);
        Checks.powerOfTwo("mps", maxPayloadBytes, 128, 4096);
        Checks.powerOfTwo("mrrs", maxReadRequestBytes, 128, 4096);
    }

    @JsonCreator
    static PcieSpec of(@JsonProperty("gen") Integer gen,
                       @JsonProperty("lanes") Integer lanes,
                       @JsonProperty("mps") @JsonDeserialize(using = Quantities.Size.class) Long mps,
                       @JsonProperty("mrrs") @JsonDeserialize(using = Quantities.Size.class) Long mrrs,
                       @JsonProperty("readLatency") @JsonDeserialize(using = Quantities.Duration.class) Long readLatency) {
        return new PcieSpec(Checks.or(gen, DEFAULT.gen), Checks.or(lanes, DEFAULT.lanes),
                (int) Checks.between("mps", Checks.or(mps, 256L), 128, 4096),
                (int) Checks.between("mrrs", Checks.or(mrrs, 512L), 128, 4096),
                Checks.or(readLatency, DEFAULT.readLatencyPs));
    }
}
