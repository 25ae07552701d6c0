/**
 * Per-connection run-time invariants (byte conservation across application, host engine and
 * card engine; exactly one owner per connection through the handoff), as
 * {@link org.toesim.core.check.Invariant}s for the run's checker. Read-only over the stack,
 * sockets and a {@link org.toesim.host.check.CardView} of the adapter.
 */
package org.toesim.host.check;
