/**
 * A kernel demonstration that runs without the network model: an M/M/1 queue built on the
 * sim-core {@link org.toesim.core.event.Simulator} with named random streams, checked against
 * queueing theory. {@code toesim} with no arguments prints it.
 */
package org.toesim.scenario.demo;
