/**
 * Named random streams. Every random draw in a model comes from a stream named after what it
 * models ({@code "hostA.nic0.link.loss"}); the stream's seed is a stable hash of the master
 * seed and the name, so adding, removing or reordering streams never shifts another stream's
 * draws.
 */
package org.toesim.core.random;
