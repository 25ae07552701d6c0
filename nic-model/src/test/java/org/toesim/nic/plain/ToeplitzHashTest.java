package org.toesim.nic.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Toeplitz hash against the Microsoft RSS verification suite (IPv4 vectors). */
class ToeplitzHashTest {
    private final ToeplitzHash hash = new ToeplitzHash(ToeplitzHash.MICROSOFT_KEY);

    private static int ip(int a, int b, int c, int d) {
        return (a << 24) | (b << 16) | (c << 8) | d;
    }

    @Test
    void publishedIpv4TcpVectors() {
        // destination address:port, source address:port, hash with TCP ports ("Verifying the RSS hash calculation")
        assertEquals(0x51ccc178, hash.hashTcp4(ip(66, 9, 149, 187), ip(161, 142, 100, 80), 2794, 1766));
        assertEquals(0xc626b0ea, hash.hashTcp4(ip(199, 92, 111, 2), ip(65, 69, 140, 83), 14230, 4739));
        assertEquals(0x5c2b394a, hash.hashTcp4(ip(24, 19, 198, 95), ip(12, 22, 207, 184), 12898, 38024));
        assertEquals(0xafc7327f, hash.hashTcp4(ip(38, 27, 205, 30), ip(209, 142, 163, 6), 48228, 2217));
        assertEquals(0x10e828a2, hash.hashTcp4(ip(153, 39, 163, 191), ip(202, 188, 127, 2), 44251, 1303));
    }

    @Test
    void publishedIpv4OnlyVectors() {
        assertEquals(0x323e8fc2, hash.hashIp4(ip(66, 9, 149, 187), ip(161, 142, 100, 80)));
        assertEquals(0xd718262a, hash.hashIp4(ip(199, 92, 111, 2), ip(65, 69, 140, 83)));
        assertEquals(0xd2d0a5de, hash.hashIp4(ip(24, 19, 198, 95), ip(12, 22, 207, 184)));
        assertEquals(0x82989176, hash.hashIp4(ip(38, 27, 205, 30), ip(209, 142, 163, 6)));
        assertEquals(0x5d1809c5, hash.hashIp4(ip(153, 39, 163, 191), ip(202, 188, 127, 2)));
    }

    /** The textbook bit-serial definition, independent of the table folding. */
    private static int bitSerial(byte[] key, byte[] input) {
        int result = 0;
        for (int i = 0; i < input.length * 8; i++) {
            if ((input[i / 8] & (0x80 >>> (i % 8))) != 0) {
                int w = 0;
                for (int k = 0; k < 32; k++) {
                    int kb = i + k;
                    w = (w << 1) | ((key[kb / 8] >>> (7 - kb % 8)) & 1);
                }
                result ^= w;
            }
        }
        return result;
    }

    @Test
    void tablesAgreeWithTheBitSerialDefinitionOnRandomKeysAndTuples() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            byte[] key = new byte[40];
            for (int i = 0; i < key.length; i++) {
                key[i] = (byte) random.nextInt(256);
            }
            ToeplitzHash h = new ToeplitzHash(key);
            int src = random.nextInt();
            int dst = random.nextInt();
            int sport = random.nextInt(65536);
            int dport = random.nextInt(65536);
            byte[] input = {(byte) (src >>> 24), (byte) (src >>> 16), (byte) (src >>> 8), (byte) src,
                (byte) (dst >>> 24), (byte) (dst >>> 16), (byte) (dst >>> 8), (byte) dst,
                (byte) (sport >>> 8), (byte) sport, (byte) (dport >>> 8), (byte) dport};
            assertEquals(bitSerial(key, input), h.hashTcp4(src, dst, sport, dport));
        }
    }

    @Test
    void keyWordsProgrammedThroughSteeringChangeTheHash() {
        RssSteering rss = new RssSteering(4);
        assertEquals(0x6d5a56da, rss.keyWord(0));
        ToeplitzHash fresh = new ToeplitzHash(ToeplitzHash.MICROSOFT_KEY);
        int before = fresh.hashTcp4(1, 2, 3, 4);
        rss.setKeyWord(0, 0x12345678);
        assertEquals(0x12345678, rss.keyWord(0));
        assertNotEquals(0x6d5a56da, rss.keyWord(0));
        assertEquals(before, fresh.hashTcp4(1, 2, 3, 4), "the Microsoft key constant is not modified");
        assertEquals(0x6d, ToeplitzHash.MICROSOFT_KEY[0]);
    }
}
