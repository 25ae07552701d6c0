package org.toesim.scenario.figure;

/**
 * A vertical line across a figure at {@code x} (base unit of the x axis), labelled: where a
 * connection was offloaded or flushed, a fault struck, the warm-up ended.
 */
public record Marker(double x, String label) {
}
