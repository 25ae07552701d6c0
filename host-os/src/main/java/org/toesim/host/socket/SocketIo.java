package org.toesim.host.socket;

/**
 * How applications reach their sockets: the seam where an offload layer can take an
 * application's calls to the adapter while its connection is offloaded. {@link #DIRECT} calls
 * the {@link Socket} (host stack only); an offload implementation (e.g. one built on
 * {@code org.toesim.host.offload.SocketOffloadBridge}) posts receive buffers and sends to the
 * adapter with the connection's handle and takes a connection back before it closes.
 *
 * <pre>
 *   SocketLayer: accept / connect established --&gt; io.opened(s) --&gt; application callback
 *   application: io.receive(s, buf, all, cb) | io.send(s, n | buf, cb) | io.close(s, cb)
 *      DIRECT    --&gt; s.receive / s.send / s.close        (host stack, copies on the host)
 *      offload   --&gt; adapter while OFFLOADED, else the socket
 * </pre>
 * The calls have the meaning of the {@link Socket} methods of the same names; the callbacks get
 * the same {@link Socket}.
 */
public interface SocketIo {
    /** The connection of {@code s} is up (accepted or established); called before the application hears of it. */
    void opened(Socket s);

    /** As {@link Socket#receive(AppBuffer, boolean, ReceiveCallback)}. */
    PostedReceive receive(Socket s, AppBuffer buf, boolean waitAll, ReceiveCallback cb);

    /** As {@link Socket#send(long, SendCallback)} (virtual payload). */
    void send(Socket s, long lenBytes, SendCallback cb);

    /** As {@link Socket#send(AppBuffer, SendCallback)} (the buffer's bytes; real if its region holds them). */
    void send(Socket s, AppBuffer buf, SendCallback cb);

    /** As {@link Socket#close(Runnable)}. */
    void close(Socket s, Runnable cb);

    /** Every call goes straight to the socket (the host stack runs every connection). */
    SocketIo DIRECT = new SocketIo() {
        @Override
        public void opened(Socket s) {
        }

        @Override
        public PostedReceive receive(Socket s, AppBuffer buf, boolean waitAll, ReceiveCallback cb) {
            return s.receive(buf, waitAll, cb);
        }

        @Override
        public void send(Socket s, long lenBytes, SendCallback cb) {
            s.send(lenBytes, cb);
        }

        @Override
        public void send(Socket s, AppBuffer buf, SendCallback cb) {
            s.send(buf, cb);
        }

        @Override
        public void close(Socket s, Runnable cb) {
            s.close(cb);
        }
    };
}
