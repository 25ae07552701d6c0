/**
 * Interrupts: per-vector moderation with ethtool semantics
 * ({@link org.toesim.nic.irq.InterruptModerator}) raising MSI-X as 4-byte posted writes over
 * the link.
 *
 * <pre>
 *   completion ring write --&gt; moderator.onEvent() --(usecs / max-frames rule)--&gt; MsixInterrupt --&gt; link --&gt; host
 * </pre>
 */
package org.toesim.nic.irq;
