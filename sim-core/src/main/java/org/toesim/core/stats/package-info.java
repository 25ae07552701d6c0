/**
 * Statistics in the DSOL/JSL style: {@link org.toesim.core.stats.Counter},
 * {@link org.toesim.core.stats.Tally}, {@link org.toesim.core.stats.TimeWeighted} and
 * {@link org.toesim.core.stats.Histogram}. Each is {@link org.toesim.core.stats.Resettable} at
 * the warm-up boundary and reports itself as an immutable record. A
 * {@link org.toesim.core.stats.StatsRegistry} keeps a run's statistics in creation order so one
 * call resets them all.
 */
package org.toesim.core.stats;
