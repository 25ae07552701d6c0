package org.toesim.host.check;

import org.toesim.host.stack.HostStack;

/**
 * One host as the connection invariants see it: its stack and, on a TOE host, its adapter.
 *
 * @param name  host name (for messages)
 * @param stack its TCP stack
 * @param card  its offload adapter's view, or null behind a plain NIC
 */
public record HostView(String name, HostStack stack, CardView card) {
}
