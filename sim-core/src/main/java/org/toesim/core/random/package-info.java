/**
 * Named random streams. Every random draw in a model comes from a stream named after what it
 * models ({@code "hostA.nic0.link.loss"}); the stream's seed is a stable hash of the master
 * seed and the name, so adding, removing or reordering streams never shifts another stream's
 * draws. {@link org.toesim.core.random.CostJitter} (a truncated, mean-1 lognormal factor on a
 * cost) and {@link org.toesim.core.random.DelayJitter} (a bounded, non-negative extra delay) are
 * the jitter sources models hold; their {@code OFF} instances draw nothing.
 */
package org.toesim.core.random;
