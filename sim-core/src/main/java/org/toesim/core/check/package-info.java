/**
 * Run-time invariant checking ({@code --check-invariants}): {@link org.toesim.core.check.Invariant}
 * strategies checked after every event by an {@link org.toesim.core.check.InvariantChecker}
 * installed as the simulator's listener (nothing when off), the kernel's own "no event in the
 * past", and a trace sink that checks record time never goes backwards. A violation names the
 * invariant, its subject and the simulated time.
 */
package org.toesim.core.check;
