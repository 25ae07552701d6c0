package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.toesim.tcp.engine.TcpFeatures;

/**
 * TCP options of a workload's connections (both ends).
 *
 * @param congestionControl  reno | newreno | cubic | dctcp | bbr (default cubic)
 * @param sack               RFC 2018 selective acknowledgements (default true)
 * @param timestamps         RFC 7323 timestamps (default true)
 * @param windowScale        RFC 7323 window scaling (default true)
 * @param nagle              RFC 896 / RFC 1122 4.2.3.4 Nagle algorithm (default true)
 * @param delayedAck         RFC 1122 4.2.3.2 delayed ACKs (default true)
 * @param minRtoPs           lower bound of the retransmission timeout, RFC 6298 2.4 (default 200ms)
 * @param sendBufferBytes    socket send buffer (default 4MiB)
 * @param receiveBufferBytes socket receive buffer (default 4MiB)
 * @param mssBytes           the MSS option each end advertises (RFC 9293 3.7.1), or
 *                           {@link #MSS_FROM_MTU} (the default): each host advertises its NIC's
 *                           MTU - 40, as Linux does (1460 at the default 1500-byte MTU). The
 *                           timestamp option's 12 bytes come out of it (1448-byte payloads).
 *                           An explicit MSS must fit the path: MSS + 40 &lt;= the smallest MTU
 *                           between the two hosts (checked when the scenario is validated)
 * @param realBytes          carry real payload bytes and check them end to end (default false:
 *                           virtual payload, integrity checked by sequence accounting)
 * @param profile            {@code linux} (Linux 6.x behaviours) or {@code rfc} (strict RFC engine)
 * @param features           the profile's behaviours with the file's {@code features} overrides applied
 * @param maxReceiveBufferBytes what receive autotuning may grow the buffer to (Linux {@code tcp_rmem[2]},
 *                           32 MiB) and what the window scale is chosen for; equal to
 *                           {@code receiveBufferBytes} without autotuning. An explicit
 *                           {@code receiveBuffer} fixes the buffer and turns autotuning off, as
 *                           {@code SO_RCVBUF} does in Linux
 * @param ecn                ECN (RFC 3168): each end asks for it on an active open and accepts it on a
 *                           passive one (Linux {@code tcp_ecn = 1}); default false, except that
 *                           {@code dctcp} negotiates ECN whatever this says (it needs it, RFC 8257 §3)
 * @param pacing             pace the sender as Linux's fq qdisc does (default false; {@code bbr} paces
 *                           anyway): 200 % of cwnd / SRTT in slow start, 120 % after
 */
public record TcpSpec(CongestionControlName congestionControl, boolean sack, boolean timestamps, boolean windowScale,
                      boolean nagle, boolean delayedAck, long minRtoPs, long sendBufferBytes, long receiveBufferBytes,
                      int mssBytes, boolean realBytes, TcpProfileName profile, TcpFeatures features,
                      long maxReceiveBufferBytes, boolean ecn, boolean pacing) {
    /** {@code mssBytes} when the file gives none: each host advertises its MTU - 40. */
    public static final int MSS_FROM_MTU = 0;
    /** IPv4 and TCP headers without options: MTU - MSS (RFC 9293 3.7.1, RFC 6691). */
    public static final int IP_TCP_HEADER_BYTES = 40;
    /** The profile when the file names none. */
    public static final TcpProfileName DEFAULT_PROFILE = TcpProfileName.LINUX;
    /** Linux {@code tcp_rmem[1]}: the receive buffer a connection starts with when it autotunes. */
    public static final long LINUX_INITIAL_RECEIVE_BUFFER_BYTES = 131_072;
    /** Linux 6.x {@code tcp_rmem[2]}: 32 MiB. */
    public static final long LINUX_MAX_RECEIVE_BUFFER_BYTES = 32L << 20;
    /** All defaults. */
    public static final TcpSpec DEFAULT = of(null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null);


    public TcpSpec {
        if (congestionControl == null) {
            throw new FieldException("congestionControl", "missing", "one of " + NamedValues.names(CongestionControlName.class));
        }
        Checks.positive("minRto", minRtoPs, "\"200ms\"");
        Checks.between("sendBuffer", sendBufferBytes, 1, 1L << 30);
        Checks.between("receiveBuffer", receiveBufferBytes, 1, 1L << 30);
        if (mssBytes != MSS_FROM_MTU) {
            Checks.between("mss", mssBytes, 64, 65_495);
        }
        if (profile == null || features == null) {
            throw new FieldException("profile", "missing", "one of " + NamedValues.names(TcpProfileName.class));
        }
        Checks.between("maxReceiveBuffer", maxReceiveBufferBytes, receiveBufferBytes, 1L << 30);
    }

    /** Whether the file set {@code mss} (otherwise it follows the MTU). */
    public boolean mssExplicit() {
        return mssBytes != MSS_FROM_MTU;
    }

    /**
     * These options as used on a host with an MTU of {@code mtuBytes}: the MSS made explicit, so
     * {@code {}} and {@code {"mss": 1460}} are the same configuration at MTU 1500.
     */
    public TcpSpec resolvedFor(int mtuBytes) {
        return new TcpSpec(congestionControl, sack, timestamps, windowScale, nagle, delayedAck, minRtoPs,
                sendBufferBytes, receiveBufferBytes, mssFor(mtuBytes), realBytes, profile, features,
                maxReceiveBufferBytes, ecn, pacing);
    }

    /** The MSS a host with an MTU of {@code mtuBytes} advertises. */
    public int mssFor(int mtuBytes) {
        return mssExplicit() ? mssBytes : mtuBytes - IP_TCP_HEADER_BYTES;
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
                      @JsonProperty("realBytes") Boolean realBytes,
                      @JsonProperty("profile") TcpProfileName profile,
                      @JsonProperty("features") TcpFeaturesSpec features,
                      @JsonProperty("maxReceiveBuffer") @JsonDeserialize(using = Quantities.Size.class)
                      Long maxReceiveBuffer,
                      @JsonProperty("ecn") Boolean ecn,
                      @JsonProperty("pacing") Boolean pacing) {
        TcpProfileName p = Checks.or(profile, DEFAULT_PROFILE);
        TcpFeatures f = Checks.or(features, TcpFeaturesSpec.NONE).applyTo(p.features());
        if (receiveBuffer != null && (features == null || features.receiveAutotuning() == null)) {
            f = f.withReceiveAutotuning(false); // SO_RCVBUF locks the buffer (Linux SOCK_RCVBUF_LOCK)
        }
        long rcv = Checks.or(receiveBuffer, f.receiveAutotuning() ? LINUX_INITIAL_RECEIVE_BUFFER_BYTES : 4L << 20);
        long maxRcv = f.receiveAutotuning() ? Math.max(rcv, Checks.or(maxReceiveBuffer, LINUX_MAX_RECEIVE_BUFFER_BYTES))
                : Checks.or(maxReceiveBuffer, rcv);
        return new TcpSpec(Checks.or(congestionControl, CongestionControlName.CUBIC), Checks.or(sack, true),
                Checks.or(timestamps, true), Checks.or(windowScale, true), Checks.or(nagle, true),
                Checks.or(delayedAck, true), Checks.or(minRto, 200_000_000_000L), Checks.or(sendBuffer, 4L << 20),
                rcv, mss == null ? MSS_FROM_MTU : (int) Checks.between("mss", mss, 64, 65_495),
                Checks.or(realBytes, false), p, f, maxRcv, Checks.or(ecn, false),
                Checks.or(pacing, false));
    }
}
