/**
 * The socket API applications use: listen/accept, connect, send, receive into a posted
 * application buffer, close; completion callbacks instead of threads. Copies between
 * application and kernel memory and system calls are charged on the application's core.
 *
 * <pre>
 *   app --receive(buf)--&gt; Socket: posted buffer --HOST: COPY from socket buffer--&gt; buf, accepted += n
 *                                               --ADAPTER (later): adapter places, no copy
 *   app --send(n|buf)---&gt; Socket: COPY into socket buffer --&gt; HostConnection.send
 * </pre>
 */
package org.toesim.host.socket;
