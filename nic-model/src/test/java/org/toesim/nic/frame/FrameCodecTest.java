package org.toesim.nic.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.SackBlock;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

class FrameCodecTest {
    /**
     * The SYN of {@link TestFrames#syn()}, assembled and checksummed by hand.
     * IP header words 4500 003c 1234 4000 4006 0000 0a00 0001 0a00 0002 sum to eb79, so the
     * header checksum is ~eb79 = 1486. TCP: pseudo-header 0a00+0001+0a00+0002+0006+0028 = 1431;
     * header+options words 9c40 0050 0102 0304 0000 0000 a002 ffff 0000 0000 0204 05b4 0402 080a
     * 0000 0001 0000 0000 0103 0307 sum to 2_5866; 2_5866 + 1431 = 2_6c97, folded 6c99, so the
     * checksum is ~6c99 = 9366. Options: MSS 1460 | SACK_PERM | TS 1,0 | NOP | WS 7.
     */
    private static final String SYN_HEX = ""
            + "020000000002" + "020000000001" + "0800"
            + "4500003c" + "12344000" + "40061486" + "0a000001" + "0a000002"
            + "9c400050" + "01020304" + "00000000" + "a002ffff" + "93660000"
            + "020405b4" + "0402080a" + "00000001" + "00000000" + "01030307";

    @Test
    void synEncodesToHandComputedBytes() {
        byte[] buf = new byte[128];
        int len = FrameCodec.encode(TestFrames.syn(), buf, 3);
        assertEquals(74, len);
        byte[] got = java.util.Arrays.copyOfRange(buf, 3, 3 + len);
        assertEquals(SYN_HEX, HexFormat.of().formatHex(got));
    }

    @Test
    void checksumsAgreeWithIndependentComputationOnManyFrames() {
        Random rnd = new Random(42);
        byte[] buf = new byte[70_000];
        for (int i = 0; i < 300; i++) {
            Frame f = randomFrame(rnd, i);
            int len = FrameCodec.encode(f, buf, 0);
            assertEquals(f.lenBytes(), len);
            assertTrue(IndependentChecksum.ipHeaderOk(buf, 14), "IP checksum of " + f);
            assertEquals(!f.corrupted(), IndependentChecksum.tcpOk(buf, 14), "TCP checksum of " + f);
            assertEquals(!f.corrupted(), FrameCodec.checksumsValid(buf, 0, len));
        }
    }

    @Test
    void decodeOfEncodeIsIdentity() {
        Random rnd = new Random(7);
        byte[] buf = new byte[70_000];
        for (int i = 0; i < 300; i++) {
            Frame f = randomFrame(rnd, i);
            int len = FrameCodec.encode(f, buf, 0);
            Frame back = FrameCodec.decode(buf, 0, len, f.frameId(), f.tcp().payload().streamOffset());
            assertEquals(f, back);
        }
    }

    @Test
    void corruptedFrameFailsItsChecksumButKeepsItsFields() {
        byte[] buf = new byte[2000];
        for (long id = 0; id < 32; id++) {
            Frame f = TestFrames.data(id, 5000, 100, List.of()).asCorrupted();
            int len = FrameCodec.encode(f, buf, 0);
            assertTrue(IndependentChecksum.ipHeaderOk(buf, 14));
            assertFalse(IndependentChecksum.tcpOk(buf, 14), "corrupted frame " + id + " passed its TCP checksum");
            assertFalse(FrameCodec.checksumsValid(buf, 0, len));
            assertEquals(f, FrameCodec.decode(buf, 0, len, id, 5000));
        }
    }

    @Test
    void anyFlippedBitIsDetectedOnDecode() {
        byte[] buf = new byte[200];
        int len = FrameCodec.encode(TestFrames.data(3, 0, 40, List.of(new SackBlock(10, 20))), buf, 0);
        for (int bit = 14 * 8; bit < len * 8; bit++) {
            byte[] copy = buf.clone();
            copy[bit / 8] ^= (byte) (1 << (bit % 8));
            boolean valid;
            try {
                valid = FrameCodec.checksumsValid(copy, 0, len);
            } catch (FrameFormatException e) {
                valid = false; // the flip broke a length or version field
            }
            assertFalse(valid, "bit " + bit + " flipped went unnoticed");
        }
    }

    @Test
    void optionLayoutsFollowLinuxAlignmentWithinTheirPaddedLength() {
        assertEquals("0101080a0000006400000000", optionHex(new TcpOptions(-1, -1, false, true, 100, 0, List.of())));
        assertEquals("0101050a0000000a00000014",
                optionHex(new TcpOptions(-1, -1, false, false, 0, 0, List.of(new SackBlock(10, 20)))));
        // MSS + WS + SACK_PERM without timestamps: MSS | NOP NOP SACK_PERM | NOP WS
        assertEquals("020405b401010402" + "01030302", optionHex(new TcpOptions(1460, 2, true, false, 0, 0, List.of())));
        // TS + 3 SACK blocks: 10 + 26 = 36 bytes, no spare byte for NOPs
        TcpOptions tsSack = new TcpOptions(-1, -1, false, true, 1, 2, List.of(
                new SackBlock(1, 2), new SackBlock(3, 4), new SackBlock(5, 6)));
        assertEquals(36, optionHex(tsSack).length() / 2);
        assertTrue(optionHex(tsSack).startsWith("080a0000000100000002051a"));
        // MSS alone
        assertEquals("020405dc", optionHex(new TcpOptions(1500, -1, false, false, 0, 0, List.of())));
        // WS alone: NOP WS (3 + 1 NOP)
        assertEquals("01030300", optionHex(new TcpOptions(-1, 0, false, false, 0, 0, List.of())).substring(0, 8));
    }

    @Test
    void byteBufferEncodingMatchesArrayEncodingForHeapAndDirectBuffers() {
        Frame f = TestFrames.data(9, 100, 333, List.of(new SackBlock(1, 5)));
        byte[] arr = new byte[f.lenBytes()];
        FrameCodec.encode(f, arr, 0);
        for (ByteBuffer bb : new ByteBuffer[] {ByteBuffer.allocate(1000), ByteBuffer.allocateDirect(1000)}) {
            bb.position(10);
            FrameCodec.encode(f, bb);
            assertEquals(10 + arr.length, bb.position());
            byte[] got = new byte[arr.length];
            bb.get(10, got);
            assertArrayEquals(arr, got);
        }
    }

    @Test
    void realPayloadBytesTravelVerbatim() {
        byte[] data = "hello, offloaded world".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Segment s = new Segment(1, 2, 3, 4, TcpFlags.ACK | TcpFlags.PSH, 100, 0, TcpOptions.NONE,
                Payload.real(7, data, 0, data.length));
        Frame f = Frame.of(4, TestFrames.MAC_A, TestFrames.MAC_B, Ipv4Header.of(TestFrames.IP_A, TestFrames.IP_B, 1), s);
        byte[] buf = new byte[200];
        int len = FrameCodec.encode(f, buf, 0);
        assertEquals(new String(data, java.nio.charset.StandardCharsets.US_ASCII),
                new String(buf, len - data.length, data.length, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(f, FrameCodec.decode(buf, 0, len, 4, 7));
    }

    @Test
    void malformedBytesAreRejected() {
        byte[] buf = new byte[100];
        int len = FrameCodec.encode(TestFrames.syn(), buf, 0);
        byte[] notIp = buf.clone();
        notIp[12] = (byte) 0x86;
        notIp[13] = (byte) 0xDD;
        assertThrows(FrameFormatException.class, () -> FrameCodec.decode(notIp, 0, len));
        assertThrows(FrameFormatException.class, () -> FrameCodec.decode(buf, 0, 40));
        byte[] badOpt = buf.clone();
        badOpt[14 + 20 + 21] = 9; // MSS option length 9 runs past the options area
        assertThrows(FrameFormatException.class, () -> FrameCodec.decode(badOpt, 0, len));
    }

    private static String optionHex(TcpOptions o) {
        byte[] b = new byte[40];
        int n = TcpOptionCodec.encode(o, b, 0);
        assertEquals(o.encodedLenBytes(), n);
        assertEquals(o, TcpOptionCodec.decode(b, 0, n));
        return HexFormat.of().formatHex(b, 0, n);
    }

    /** Frames over the whole space of fields the codec writes. */
    static Frame randomFrame(Random rnd, long id) {
        List<SackBlock> sack = new ArrayList<>();
        boolean ts = rnd.nextBoolean();
        int blocks = rnd.nextInt(ts ? 4 : 5);
        for (int b = 0; b < blocks; b++) {
            sack.add(new SackBlock(rnd.nextInt(), rnd.nextInt()));
        }
        boolean syn = rnd.nextInt(4) == 0;
        TcpOptions opts = new TcpOptions(syn && rnd.nextBoolean() ? rnd.nextInt(65536) : -1,
                syn && rnd.nextBoolean() ? rnd.nextInt(15) : -1, syn && rnd.nextBoolean(), ts, ts ? rnd.nextInt() : 0,
                ts ? rnd.nextInt() : 0, syn ? List.of() : sack);
        int lenBytes = rnd.nextInt(10) == 0 ? rnd.nextInt(9000) : rnd.nextInt(1461);
        long offset = rnd.nextInt(1 << 30);
        // an empty payload decodes as virtual: there are no bytes to tell real from pattern
        Payload payload = lenBytes == 0 || rnd.nextBoolean() ? Payload.virtual(offset, lenBytes) : realPayload(rnd, offset, lenBytes);
        Segment s = new Segment(rnd.nextInt(65536), rnd.nextInt(65536), rnd.nextInt(), rnd.nextInt(),
                rnd.nextInt(256), rnd.nextInt(65536), rnd.nextInt(65536), opts, payload);
        Ipv4Header ip = new Ipv4Header(rnd.nextInt(), rnd.nextInt(), rnd.nextInt(65536), rnd.nextInt(256),
                rnd.nextInt(256), rnd.nextBoolean(), rnd.nextBoolean(), 8 * rnd.nextInt(8192), 4 * rnd.nextInt(11));
        return new Frame(id, rnd.nextLong() >>> 16, rnd.nextLong() >>> 16, ip, s, rnd.nextInt(5) == 0);
    }

    private static Payload realPayload(Random rnd, long offset, int lenBytes) {
        byte[] b = new byte[lenBytes + 3];
        rnd.nextBytes(b);
        b[1] = (byte) (Payload.patternByte(offset) + 1); // never mistaken for the virtual pattern
        return Payload.real(offset, b, 1, lenBytes);
    }
}
