package org.toesim.scenario.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** The congestion-control algorithm a workload's connections use. */
@JsonDeserialize(using = CongestionControlName.Deser.class)
public enum CongestionControlName implements NamedValue {
    /** RFC 5681 slow start, congestion avoidance, fast retransmit and fast recovery. */
    RENO("reno"),
    /** RFC 6582 NewReno fast recovery. */
    NEWRENO("newreno"),
    /** RFC 9438 CUBIC. */
    CUBIC("cubic"),
    /** RFC 8257 DCTCP: Reno with an ECN response scaled by the marked fraction; negotiates ECN. */
    DCTCP("dctcp"),
    /** BBR v1 (Linux tcp_bbr.c, draft-cardwell-iccrg-bbr-congestion-control-00), paced. */
    BBR("bbr");

    private final String fileName;

    CongestionControlName(String fileName) {
        this.fileName = fileName;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    static final class Deser extends NamedValues.Deserializer<CongestionControlName> {
        private static final long serialVersionUID = 1L;

        Deser() {
            super(CongestionControlName.class);
        }
    }
}
