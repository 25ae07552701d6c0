/**
 * Quantities with units. Time is a {@code long} of picoseconds, rates are bits per second,
 * sizes are bytes, frequencies are hertz. {@link org.toesim.core.units.Units} parses the strings
 * scenario files use ({@code "10us"}, {@code "1.5ms"}, {@code "10Gbps"}, {@code "64KiB"},
 * {@code "3GHz"}) exactly (decimal arithmetic, no rounding through {@code double}) and prints
 * them back; {@link org.toesim.core.units.Rates} turns sizes and rates into transfer times.
 */
package org.toesim.core.units;
