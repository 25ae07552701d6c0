package org.toesim.core.units;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A kind of quantity with its units, each given as a multiple of the base unit. */
enum Dimension {
    DURATION("duration", "ps", Map.ofEntries(
            Map.entry("ps", "1"), Map.entry("ns", "1000"), Map.entry("us", "1000000"),
            Map.entry("\u00b5s", "1000000"), Map.entry("ms", "1000000000"), Map.entry("s", "1000000000000"),
            Map.entry("min", "60000000000000")),
            List.of("ps", "ns", "us", "ms", "s", "min")),
    RATE("rate", "bps", Map.ofEntries(
            Map.entry("bps", "1"), Map.entry("kbps", "1000"), Map.entry("Kbps", "1000"),
            Map.entry("Mbps", "1000000"), Map.entry("Gbps", "1000000000"), Map.entry("Tbps", "1000000000000"),
            Map.entry("bit/s", "1"), Map.entry("kbit/s", "1000"), Map.entry("Mbit/s", "1000000"),
            Map.entry("Gbit/s", "1000000000"), Map.entry("Tbit/s", "1000000000000")),
            List.of("bps", "kbps", "Mbps", "Gbps", "Tbps")),
    SIZE("size", "B", Map.ofEntries(
            Map.entry("B", "1"), Map.entry("KB", "1000"), Map.entry("kB", "1000"), Map.entry("MB", "1000000"),
            Map.entry("GB", "1000000000"), Map.entry("TB", "1000000000000"), Map.entry("KiB", "1024"),
            Map.entry("MiB", "1048576"), Map.entry("GiB", "1073741824"), Map.entry("TiB", "1099511627776")),
            List.of("B", "KB", "MB", "GB", "KiB", "MiB", "GiB")),
    FREQUENCY("frequency", "Hz", Map.ofEntries(
            Map.entry("Hz", "1"), Map.entry("kHz", "1000"), Map.entry("KHz", "1000"),
            Map.entry("MHz", "1000000"), Map.entry("GHz", "1000000000")),
            List.of("Hz", "kHz", "MHz", "GHz"));

    final String label;
    final String baseUnit;
    private final Map<String, BigDecimal> factors;
    /** The units listed in error messages, in a fixed order. */
    final List<String> advertised;

    Dimension(String label, String baseUnit, Map<String, String> factors, List<String> advertised) {
        this.label = label;
        this.baseUnit = baseUnit;
        this.factors = factors.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new BigDecimal(e.getValue())));
        this.advertised = advertised;
    }

    BigDecimal factor(String unit) {
        return factors.get(unit);
    }
}
