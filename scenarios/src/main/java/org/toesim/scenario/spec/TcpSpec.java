package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * TCP options of a workload's connections (both ends).
 *
 * @param congestionControl  reno | newreno | cubic (default cubic)
 * @param sack               RFC 2018 selective acknowledgements (default true)
 * @param timestamps         RFC 7323 timestamps (default true)
 * @param windowScale        RFC 7323 window scaling (default true)
 * @param nagle              RFC 896 / RFC 1122 4.2.3.4 Nagle algorithm (default true)
 * @param delayedAck         RFC 1122 4.2.3.2 delayed ACKs (default true)
 * @param minRtoPs           lower bound of the retransmission timeout, RFC 6298 2.4 (default 200ms)
 * @param sendBufferBytes    socket send buffer (default 4MiB)
 * @param receiveBufferBytes socket receive buffer (default 4MiB)
 * @param mssBytes           maximum segment size (default 1460)
 * @param realBytes          carry real payload bytes and check them end to end (default false:
 *                           virtual payload, integrity checked by sequence accounting)
 */
public record TcpSpec(CongestionControlName congestionControl, boolean sack, boolean timestamps, boolean windowScale,
                      boolean nagle, boolean delayedAck, long minRtoPs, long sendBufferBytes, long receiveBufferBytes,
                      int mssBytes, boolean realBytes) {
    /** All defaults. */
    public static final TcpSpec DEFAULT = of(null, null, null, null, null, null, null, null, null, null, null);

    public TcpSpec {
        if (congestionControl == null) {
            throw new FieldException("congestionControl", "missing", "one of " + NamedValues.names(CongestionControlName.class));
        }
        Checks.positive("minRto", minRtoPs, "\"200ms\"");
        Checks.between("sendBuffer", sendBufferBytes, 1, 1L << 30);
        Checks.between("receiveBuffer", receiveBufferBytes, 1, 1L << 30);
        Checks.between("mss", mssBytes, 64, 65_495);
    }

    @JsonCreator
    static TcpSpec of(@JsonProperty("congestionControl") CongestionControlName congestionControl,
                      @JsonProperty("sack") Boolean sack,
                      @JsonProperty("timestamps") Boolean timestamps,
                      @JsonProperty("windowScale") Boolean windowScale,
                      @JsonProperty("nagle") Boolean nagle,
                      @JsonProperty("delayedAck") Boolean delayedAck,
                      @JsonProperty("minRto") @JsonDeserialize(using = Quantities.Duration.class) Long minRto,
                      @JsonProperty("sendBuffer") @JsonDeserialize(using = Quantities.Size.class) Long sendBuffer,
                      @JsonProperty("receiveBuffer") @JsonDeserialize(using = Quantities.Size.class) Long receiveBuffer,
                      @JsonProperty("mss") @JsonDeserialize(using = Quantities.Size.class) Long mss,
                      @JsonProperty("realBytes") Boolean realBytes) {
        return new TcpSpec(Checks.or(congestionControl, CongestionControlName.CUBIC), Checks.or(sack, true),
                Checks.or(timestamps, true), Checks.or(windowScale, true), Checks.or(nagle, true),
                Checks.or(delayedAck, true), Checks.or(minRto, 200_000_000_000L), Checks.or(sendBuffer, 4L << 20),
                Checks.or(receiveBuffer, 4L << 20), (int) Checks.between("mss", Checks.or(mss, 1460L), 64, 65_495),
                Checks.or(realBytes, false));
    }
}
