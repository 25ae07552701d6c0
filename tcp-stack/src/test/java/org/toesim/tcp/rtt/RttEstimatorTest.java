package org.toesim.tcp.rtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;

class RttEstimatorTest {
    private static final long MS = Units.PS_PER_MS;
    private static final long S = Units.PS_PER_S;
    /** RFC 6298 formula visible without the 1 s floor. */
    private static final RttConfig RAW = new RttConfig(S, MS, 60 * S, MS);

    @Test
    void scriptedSequenceIsBitExact() {
        RttEstimator e = new RttEstimator(RAW);
        assertEquals(S, e.rtoPs(), "§2.1 initial RTO");
        // {sample, SRTT, RTTVAR, RTO}. First three are exact RFC 6298 fractions:
        //  R=100: SRTT=100, RTTVAR=50, RTO=100+4*50=300 (§2.2)
        //  R=120: RTTVAR=3/4*50+1/4*20=42.5, SRTT=7/8*100+1/8*120=102.5, RTO=102.5+170 (§2.3)
        //  R=80:  RTTVAR=3/4*42.5+1/4*22.5=37.5, SRTT=7/8*102.5+10=99.6875, RTO=99.6875+150
        // The rest exercise the documented rounding (old SRTT/RTTVAR floored to 1 ps).
        long[][] script = {
            {100 * MS, 100_000_000_000L, 50_000_000_000L, 300_000_000_000L},
            {120 * MS, 102_500_000_000L, 42_500_000_000L, 272_500_000_000L},
            {80 * MS, 99_687_500_000L, 37_500_000_000L, 249_687_500_000L},
            {99_999_999_999L, 99_726_562_499L, 28_203_124_999L, 212_539_062_498L},
            {300_000_000_007L, 124_760_742_188L, 71_220_703_127L, 409_643_554_696L},
            {5_000_000_003L, 109_790_649_415L, 83_355_712_891L, 443_213_500_981L},
        };
        for (long[] step : script) {
            assertTrue(e.onRttSample(step[0], false, false));
            assertEquals(step[1], e.srttPs(), "SRTT after " + step[0]);
            assertEquals(step[2], e.rttvarPs(), "RTTVAR after " + step[0]);
            assertEquals(step[3], e.rtoPs(), "RTO after " + step[0]);
        }
        assertEquals(5_000_000_003L, e.latestRttPs());
        assertEquals(5_000_000_003L, e.minRttPs());
    }

    @Test
    void integerArithmeticStaysWithinAPicosecondOfExactRfcFractions() {
        RttEstimator e = new RttEstimator(RAW);
        SplittableRandom rnd = new SplittableRandom(5);
        // Exact SRTT and RTTVAR as fractions num/den with den = 8^k, 4^k (BigInteger).
        BigInteger srttNum = null;
        BigInteger rttvarNum = null;
        BigInteger den = BigInteger.ONE;
        for (int i = 0; i < 60; i++) {
            long r = 1 + rnd.nextLong(500 * MS);
            e.addSample(r);
            BigInteger rr = BigInteger.valueOf(r);
            if (srttNum == null) {
                srttNum = rr.multiply(BigInteger.TWO);          // over den 2: keep a common even denominator
                rttvarNum = rr;
                den = BigInteger.TWO;
            } else {
                // RTTVAR' = (3*RTTVAR + |SRTT - R|)/4 ; SRTT' = (7*SRTT + R)/8, over den*32
                BigInteger diff = srttNum.subtract(rr.multiply(den)).abs();
                BigInteger newDen = den.multiply(BigInteger.valueOf(32));
                rttvarNum = rttvarNum.multiply(BigInteger.valueOf(3)).add(diff).multiply(BigInteger.valueOf(8));
                srttNum = srttNum.multiply(BigInteger.valueOf(7)).add(rr.multiply(den)).multiply(BigInteger.valueOf(4));
                den = newDen;
            }
            long exactSrtt = srttNum.divide(den).longValueExact();
            long exactRttvar = rttvarNum.divide(den).longValueExact();
            assertTrue(Math.abs(e.srttPs() - exactSrtt) <= 1, "SRTT " + e.srttPs() + " vs " + exactSrtt);
            assertTrue(Math.abs(e.rttvarPs() - exactRttvar) <= 2, "RTTVAR " + e.rttvarPs() + " vs " + exactRttvar);
        }
    }

    @Test
    void backoffDoublesToTheMaximumAndAValidSampleResetsIt() {
        RttEstimator e = new RttEstimator(RttConfig.rfc6298());
        long[] expected = {1, 2, 4, 8, 16, 32, 60, 60};
        for (long sec : expected) {
            assertEquals(sec * S, e.rtoPs());
            e.onTimeout();
        }
        // Karn (§3): an ambiguous sample from a retransmitted segment is ignored; backoff stays.
        assertFalse(e.onRttSample(100 * MS, true, false));
        assertEquals(60 * S, e.rtoPs());
        assertFalse(e.hasSample());
        // A timestamp-echo sample of a retransmitted segment is unambiguous (RFC 7323 §4).
        assertTrue(e.onRttSample(100 * MS, true, true));
        assertEquals(0, e.backoffCount());
        assertEquals(S, e.rtoPs(), "300 ms raised to the §2.4 minimum of 1 s");
        e.onTimeout();
        assertEquals(2 * S, e.rtoPs());
    }

    @Test
    void minAndMaxClamp() {
        RttEstimator rfc = new RttEstimator(RttConfig.rfc6298());
        rfc.addSample(10 * MS);
        assertEquals(S, rfc.rtoPs());
        RttEstimator linux = new RttEstimator(RttConfig.linuxLike());
        linux.addSample(10 * MS);
        assertEquals(200 * MS, linux.rtoPs(), "10 + 4*5 = 30 ms raised to 200 ms");
        linux.addSample(10 * MS);
        assertEquals(200 * MS, linux.rtoPs());
        RttEstimator slow = new RttEstimator(RttConfig.rfc6298());
        slow.addSample(30 * S);
        assertEquals(60 * S, slow.rtoPs(), "30 + 4*15 = 90 s capped at 60 s (§2.5)");
        RttEstimator tiny = new RttEstimator(new RttConfig(S, 0, 60 * S, MS));
        tiny.addSample(0);
        assertEquals(MS, tiny.rtoPs(), "G bounds the variance term (§2.2)");
    }

    @Test
    void synTimeoutRaisesInitialRtoToThreeSeconds() {
        RttEstimator e = new RttEstimator(RttConfig.rfc6298());
        e.onTimeout();
        e.reinitialiseAfterSynTimeout();
        assertEquals(3 * S, e.rtoPs(), "§5.7");
        e.addSample(100 * MS);
        assertEquals(S, e.rtoPs());
    }

    @Test
    void rejectsNegativeSamplesAndBadConfig() {
        RttEstimator e = new RttEstimator(RttConfig.rfc6298());
        assertThrows(IllegalArgumentException.class, () -> e.addSample(-1));
        assertThrows(IllegalArgumentException.class, () -> new RttConfig(S, 2 * S, S, MS));
    }

    @Test
    void snapshotRestoreRoundTripsBitExactly() {
        RttEstimator a = new RttEstimator(RttConfig.linuxLike());
        a.addSample(123_456_789L);
        a.addSample(987_654_321L);
        a.onTimeout();
        RttSnapshot snap = a.snapshot();
        RttEstimator b = RttEstimator.restore(snap);
        assertEquals(snap, b.snapshot());
        a.addSample(55 * MS);
        b.addSample(55 * MS);
        assertEquals(a.snapshot(), b.snapshot());
        assertEquals(a.rtoPs(), b.rtoPs());
    }
}
