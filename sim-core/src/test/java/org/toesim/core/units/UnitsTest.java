package org.toesim.core.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void parsesDurationsExactly() {
        assertEquals(10_000_000L, Units.durationPs("10us"));
        assertEquals(1_500_000_000L, Units.durationPs("1.5ms"));
        assertEquals(1_500_000_000L, Units.durationPs(" 1.5 ms "));
        assertEquals(250L, Units.durationPs("250ps"));
        assertEquals(3_000L, Units.durationPs("3ns"));
        assertEquals(2_000_000_000_000L, Units.durationPs("2s"));
        assertEquals(60_000_000_000_000L, Units.durationPs("1min"));
        assertEquals(42L, Units.durationPs("42"));
        assertEquals(1_000_000_000L, Units.durationPs("1e6ns"));
    }

    @Test
    void parsesRatesSizesAndFrequencies() {
        assertEquals(10_000_000_000L, Units.rateBitsPerSec("10Gbps"));
        assertEquals(100_000_000L, Units.rateBitsPerSec("100 Mbit/s"));
        assertEquals(2_500_000_000L, Units.rateBitsPerSec("2.5Gbps"));
        assertEquals(65_536L, Units.sizeBytes("64KiB"));
        assertEquals(1_500L, Units.sizeBytes("1500B"));
        assertEquals(1_000_000L, Units.sizeBytes("1MB"));
        assertEquals(1_073_741_824L, Units.sizeBytes("1GiB"));
        assertEquals(2_500_000_000L, Units.frequencyHz("2.5GHz"));
        assertEquals(10_485_760L, Units.sizeBytes("10_485_760"));
    }

    @Test
    void unknownUnitIsNamedWithTheValidOnes() {
        UnitException e = assertThrows(UnitException.class, () -> Units.durationPs("10 parsecs"));
        assertTrue(e.getMessage().contains("unknown duration unit 'parsecs'"), e.getMessage());
        assertTrue(e.getMessage().contains("ps, ns, us, ms, s"), e.getMessage());
    }

    @Test
    void misspelledUnitGetsASuggestion() {
        UnitException e = assertThrows(UnitException.class, () -> Units.rateBitsPerSec("10Gpbs"));
        assertTrue(e.getMessage().contains("did you mean 'Gbps'?"), e.getMessage());
    }

    @Test
    void rejectsFractionsOfTheBaseUnitNegativesGarbageAndOverflow() {
        assertTrue(assertThrows(UnitException.class, () -> Units.durationPs("0.5ps")).getMessage()
                .contains("not a whole number of ps"));
        assertTrue(assertThrows(UnitException.class, () -> Units.sizeBytes("-1KiB")).getMessage()
                .contains("negative"));
        assertTrue(assertThrows(UnitException.class, () -> Units.rateBitsPerSec("fast")).getMessage()
                .contains("expected a number first"));
        assertTrue(assertThrows(UnitException.class, () -> Units.durationPs("1.2.3us")).getMessage()
                .contains("not a duration"));
        assertTrue(assertThrows(UnitException.class, () -> Units.durationPs("")).getMessage()
                .contains("empty duration"));
        assertTrue(assertThrows(UnitException.class, () -> Units.durationPs("1e9s")).getMessage()
                .contains("too large"));
    }

    @Test
    void formatsBackToTheShortestExactForm() {
        assertEquals("1.5ms", Units.formatDuration(1_500_000_000L));
        assertEquals("10us", Units.formatDuration(10_000_000L));
        assertEquals("1ps", Units.formatDuration(1));
        assertEquals("0ps", Units.formatDuration(0));
        assertEquals("10Gbps", Units.formatRate(10_000_000_000L));
        assertEquals("64KiB", Units.formatSize(65_536));
        assertEquals("1500B", Units.formatSize(1500));
        for (String s : new String[] {"1.5ms", "10us", "7ns", "3s", "123ps"}) {
            assertEquals(Units.durationPs(s), Units.durationPs(Units.formatDuration(Units.durationPs(s))));
        }
    }

    @Test
    void readableTimesUseTheLargestUnitNotAboveTheValue() {
        assertEquals("1.234567 ms", Units.formatTime(1_234_567_000L, 6));
        assertEquals("12.346 us", Units.formatTime(12_345_678L, 3));
        assertEquals("2.500 s", Units.formatTime(2_500_000_000_000L, 3));
        assertEquals("999 ps", Units.formatTime(999, 3));
        assertEquals("0 ps", Units.formatTime(0, 6));
        assertEquals("t=1.000000 ns", Units.logTime(1_000));
        assertEquals("t=5.292322 ms", Units.logTime(5_292_322_438L));
    }

    @Test
    void transferTimesRoundUpToWholePicoseconds() {
        // 1538 bytes on the wire at 10 Gbit/s: 12304 bits * 100 ps.
        assertEquals(1_230_400L, Rates.bytesTimePs(1538, 10_000_000_000L));
        // 1 bit at 3 Gbit/s is 333.33.. ps: rounds up.
        assertEquals(334L, Rates.bitsTimePs(1, 3_000_000_000L));
        // Large transfers use the exact wide path: 1 GiB at 40 Gbit/s.
        assertEquals(214_748_364_800L, Rates.bytesTimePs(1L << 30, 40_000_000_000L));
        assertEquals(1_000_000_000_000L, Rates.cyclesTimePs(3_000_000_000L, 3_000_000_000L));
        assertEquals(8e9, Rates.bitsPerSec(1_000_000_000L, Units.PS_PER_S), 1e-3);
    }

    @Test
    void aSizeWithASpaceIsExactAndTrailingTextIsAnError() {
        assertEquals(64L << 20, Units.sizeBytes("64 MiB"));
        assertTrue(assertThrows(UnitException.class, () -> Units.sizeBytes("64 MiB x")).getMessage()
                .contains("is not a size"));
    }

    @Test
    void hugeExponentsFailAtOnceInsteadOfExpandingBillionsOfDigits() {
        assertTrue(assertThrows(UnitException.class, () -> Units.sizeBytes("1e999999999B")).getMessage()
                .contains("too large"));
        assertTrue(assertThrows(UnitException.class, () -> Units.durationPs("1e-999999999s")).getMessage()
                .contains("not a whole number"));
        assertEquals(0, Units.durationPs("0e999999999s"));
        assertEquals(1_000_000_000_000L, Units.durationPs("1000000000000000000000e-21s"));
    }
}
