package org.toesim.nic.toe;

import java.util.HashMap;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.engine.TcpConfig;
import org.toesim.tcp.engine.TcpConnection;

/**
 * The card engines' configurations, one per distinct cached (host-owned) settings, shared by
 * every connection with those settings: they are nearly always the same few, and a copy per
 * connection (and per Nagle toggle at a request boundary) was 144 B each, kept, plus an
 * allocation per toggle. The maps are only looked up; past {@value #MAX} entries they start over.
 */
final class EngineConfigs {
    static final int MAX = 64;
    private final TcpConfig base;
    private final HashMap<ControlBlock.Cached, TcpConfig> configs = new HashMap<>();
    private final HashMap<ControlBlock.Cached, ControlBlock.Cached> noNagle = new HashMap<>();

    EngineConfigs(TcpConfig base) {
        this.base = base;
    }

    /** The engine configuration with {@code cached} applied ({@link TcpConnection#configFor}). */
    TcpConfig configFor(ControlBlock.Cached cached) {
        TcpConfig c = configs.get(cached);
        if (c == null) {
            if (configs.size() >= MAX) {
                configs.clear();
            }
            c = TcpConnection.configFor(base, cached);
            configs.put(cached, c);
        }
        return c;
    }

    /** {@code k} with Nagle off (the tail push of {@link SendPath}), one shared instance per {@code k}. */
    ControlBlock.Cached withoutNagle(ControlBlock.Cached k) {
        ControlBlock.Cached v = noNagle.get(k);
        if (v == null) {
            if (noNagle.size() >= MAX) {
                noNagle.clear();
            }
            v = new ControlBlock.Cached(k.ttl(), k.tos(), false, k.delayedAck(), k.delayedAckTimeoutPs(),
                    k.keepAlive(), k.keepAliveIdlePs(), k.keepAliveIntervalPs(), k.keepAliveProbes(),
                    k.receiveBufferBytes(), k.sendBufferBytes());
            noNagle.put(k, v);
        }
        return v;
    }
}
