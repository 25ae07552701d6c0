/**
 * Workloads on the socket API, each reporting a result record: bulk sender/receiver (goodput,
 * completion time), request-response client/server (latency percentiles), many short
 * connections (rate, completion times), a paced stream. Application work per byte
 * ({@code ApplicationWork}) runs on the application's core in the APPLICATION class.
 *
 * <pre>
 *   workload --socket calls--&gt; Socket --&gt; HostStack --&gt; device --&gt; wire --&gt; peer workload
 * </pre>
 */
package org.toesim.host.app;
