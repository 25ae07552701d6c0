/**
 * Test harness: {@link org.toesim.tcp.harness.LossyChannel}, one direction of a wire with
 * delay, rate, loss, reordering and duplication on a sim-core Simulator, for tests that run
 * two TCP engines against each other.
 */
package org.toesim.tcp.harness;
