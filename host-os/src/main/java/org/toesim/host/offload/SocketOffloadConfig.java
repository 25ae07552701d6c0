package org.toesim.host.offload;

/**
 * How much of a socket's traffic is with the adapter at once while its connection is offloaded.
 *
 * <p>Send: the socket's send calls go to the adapter as requests of at most
 * {@code sendRequestBytes} (and the adapter record's maxSendBytes); requests are posted while the
 * bytes the adapter holds unacknowledged stay below {@code sendBytesInFlight}, or below the
 * connection's socket send buffer when it is 0 (Linux's send-buffer budget: a connection can have
 * as many bytes in flight as its send buffer holds, so one connection can fill a path whose
 * bandwidth-delay product the buffer covers). Requests beyond the SEND ring's free slots wait in
 * the driver's backlog.
 *
 * <p>Receive: the application's posted receive buffers go to the adapter split into pieces of at
 * most {@code receivePieceBytes} (and the adapter record's maxReceiveBufferBytes), at most
 * {@code receivePiecesInFlight} per connection (and the adapter record's posted-buffer limit).
 * Pieces of MSG_WAITALL buffers are posted in nonpush mode (they complete only when full), so
 * the card fills them strictly in order and several can be in flight.
 *
 * @param sendRequestBytes      largest send request (> 0)
 * @param sendBytesInFlight     unacknowledged request bytes per connection at most; 0 = the socket send buffer
 * @param receivePieceBytes     largest posted receive piece (> 0)
 * <p>Indications: data the adapter indicates while no piece is posted is taken into the socket
 * (zero copy: the indication buffer's bytes stay where the card wrote them, as an skb's do)
 * while the socket holds less than {@code indicationHoldBytes} unread; the application's next
 * receive copies them out, and the buffer goes back to the adapter once read.
 *
 * @param receivePiecesInFlight posted receive pieces per connection at most (> 0)
 * @param indicationHoldBytes   indicated bytes a socket holds unread at most (> 0)
 */
public record SocketOffloadConfig(int sendRequestBytes, long sendBytesInFlight, int receivePieceBytes,
                                  int receivePiecesInFlight, long indicationHoldBytes) {
    public SocketOffloadConfig {
        if (sendRequestBytes <= 0 || sendBytesInFlight < 0 || receivePieceBytes <= 0 || receivePiecesInFlight <= 0
                || indicationHoldBytes <= 0) {
            throw new IllegalArgumentException("bad socket offload config: " + this);
        }
    }

    /**
     * Defaults: 64 KiB send requests up to the socket send buffer in flight; 64 KiB receive
     * pieces, 8 in flight (512 KiB posted ahead per connection at most); 256 KiB of indicated
     * bytes held unread per socket.
     */
    public static SocketOffloadConfig defaults() {
        return new SocketOffloadConfig(64 * 1024, 0, 64 * 1024, 8, 256 * 1024);
    }
}
