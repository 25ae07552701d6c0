package org.toesim.host.offload;

import org.toesim.nic.device.CachedState;
import org.toesim.nic.device.Capability;
import org.toesim.nic.device.CommandStatus;

/**
 * Receive, send and window credit of offloaded connections.
 *
 * <pre>
 *  app buffer (addr, len) --postReceive--&gt; adapter.postBuffer(handle, addr, len)   (claims 15, 17, 18)
 *     &lt;-- done(bytesPlaced, push, status): acceptedBytes += bytesPlaced (claim 13) --&gt; app callback
 *         acceptedBytes - creditedBytes &gt;= creditThreshold --&gt; UpdateOffload(CachedState(.., accepted))
 *  app bytes (addr, len) --send--&gt; adapter.send(handle, addr, len)  (claim 9)
 *     &lt;-- done(bytesAcked, status) when the peer acknowledged them --&gt; app callback
 * </pre>
 * Statistics polls are {@link StatsPoller}'s.
 * The host CPU pays only what the driver charges per descriptor and per completion; no byte of
 * payload is touched on the host (claim 3).
 */
final class OffloadDataPath {
    private final OffloadManager manager;
    private final AdapterPort adapter;
    private final OffloadConfig config;
    long buffersPosted;
    long bytesPlaced;
    long sendsPosted;
    long bytesSentAcked;
    long creditUpdates;

    OffloadDataPath(OffloadManager manager, AdapterPort adapter, OffloadConfig config) {
        this.manager = manager;
        this.adapter = adapter;
        this.config = config;
    }

    /**
     * Posts {@code [hostAddr, hostAddr + lenBytes)} for the connection's next received bytes.
     *
     * @throws IllegalArgumentException if the buffer exceeds the adapter's limits (claim 11)
     */
    long postReceive(OffloadRecord r, long hostAddr, int lenBytes, boolean noPush, AdapterPort.BufferCallback callback) {
        Capability cap = adapter.capability();
        if (lenBytes <= 0 || lenBytes > cap.maxReceiveBufferBytes()) {
            throw new IllegalArgumentException("receive buffer of " + lenBytes + " B; adapter takes 1.."
                    + cap.maxReceiveBufferBytes());
        }
        if (r.buffersOutstanding >= cap.maxPostedBuffersPerConnection()) {
            throw new IllegalStateException(r + ": " + r.buffersOutstanding + " buffers posted, adapter tracks "
                    + cap.maxPostedBuffersPerConnection());
        }
        r.buffersOutstanding++;
        buffersPosted++;
        if (manager.tracing()) {
            manager.traceRecord(new OffloadTrace.BufferPosted(r.tuple(), hostAddr, lenBytes));
        }
        return adapter.postBuffer(r.handle, hostAddr, lenBytes, noPush, (placed, push, status) -> {
            r.buffersOutstanding--;
            bytesPlaced += placed;
            r.acceptedBytes += placed;
            if (manager.tracing()) {
                manager.traceRecord(new OffloadTrace.BufferCompleted(r.tuple(), placed, status, r.acceptedBytes));
            }
            callback.done(placed, push, status);
            manager.maybeEndOfStream(r);
            maybeCredit(r);
        });
    }

    /** Posts the application's close behind the connection's sends (close on the adapter). */
    void disconnect(OffloadRecord r, AdapterPort.SendCallback callback) {
        r.disconnectPosted = true;
        r.sendsOutstanding++;
        sendsPosted++;
        if (manager.tracing()) {
            manager.traceRecord(new OffloadTrace.DisconnectPosted(r.tuple()));
        }
        adapter.disconnect(r.handle, (acked, status) -> {
            r.sendsOutstanding--;
            if (manager.tracing()) {
                manager.traceRecord(new OffloadTrace.SendCompleted(r.tuple(), acked, status));
            }
            callback.done(acked, status);
        });
    }

    /**
     * Sends {@code [hostAddr, hostAddr + lenBytes)}; the callback runs when the peer acknowledged it.
     *
     * @throws IllegalArgumentException if the length exceeds the adapter's limit (claim 11)
     */
    long send(OffloadRecord r, long hostAddr, int lenBytes, AdapterPort.SendCallback callback) {
        int max = adapter.capability().maxSendBytes();
        if (lenBytes <= 0 || lenBytes > max) {
            throw new IllegalArgumentException("send of " + lenBytes + " B; adapter takes 1.." + max);
        }
        r.sendsOutstanding++;
        sendsPosted++;
        if (manager.tracing()) {
            manager.traceRecord(new OffloadTrace.SendPosted(r.tuple(), hostAddr, lenBytes));
        }
        return adapter.send(r.handle, hostAddr, lenBytes, (acked, status) -> {
            r.sendsOutstanding--;
            bytesSentAcked += acked;
            if (manager.tracing()) {
                manager.traceRecord(new OffloadTrace.SendCompleted(r.tuple(), acked, status));
            }
            callback.done(acked, status);
        });
    }

    /**
     * Answers the adapter's last indication of {@code r} now (not held back by a credit update in
     * flight: both carry cumulative counts, so their order does not matter).
     */
    void answerIndication(OffloadRecord r) {
        long accepted = r.acceptedBytes;
        creditUpdates++;
        adapter.update(r.handle, cachedState(r, accepted), status -> {
            if (status == CommandStatus.SUCCESS) {
                r.creditedBytes = Math.max(r.creditedBytes, accepted);
            }
        });
    }

    /** Window credit (claim 13): tell the adapter how much the application has accepted. */
    private void maybeCredit(OffloadRecord r) {
        if (r.state != HandoffState.OFFLOADED || r.creditInFlight
                || r.acceptedBytes - r.creditedBytes < Math.max(1, config.creditThresholdBytes())) {
            return;
        }
        long accepted = r.acceptedBytes;
        r.creditInFlight = true;
        creditUpdates++;
        if (manager.tracing()) {
            manager.traceRecord(new OffloadTrace.CreditGiven(r.tuple(), accepted));
        }
        adapter.update(r.handle, cachedState(r, accepted), status -> {
            r.creditInFlight = false;
            if (status == CommandStatus.SUCCESS) {
                r.creditedBytes = Math.max(r.creditedBytes, accepted);
                maybeCredit(r);
            }
        });
    }

    /** The host-owned state pushed for {@code r}: {@code accepted} bytes and every indication answered so far. */
    private CachedState cachedState(OffloadRecord r, long accepted) {
        return new CachedState(config.ipTtl(), config.ipTos(), r.sndMssBytes, accepted, r.indicationsAnswered);
    }
}
