package org.toesim.nic.frame;

import java.nio.ByteBuffer;

/**
 * A second, deliberately different implementation of the RFC 1071 checks used to verify
 * {@link FrameCodec}: 16-bit reads through a ByteBuffer and an end-around carry after every
 * addition, reading lengths from the bytes themselves.
 */
final class IndependentChecksum {
    private IndependentChecksum() {
    }

    static boolean ipHeaderOk(byte[] frame, int ipOff) {
        int ihl = (frame[ipOff] & 0x0F) * 4;
        return onesSum(frame, ipOff, ihl, 0) == 0xFFFF;
    }

    static boolean tcpOk(byte[] frame, int ipOff) {
        ByteBuffer bb = ByteBuffer.wrap(frame);
        int ihl = (frame[ipOff] & 0x0F) * 4;
        int total = Short.toUnsignedInt(bb.getShort(ipOff + 2));
        int tcpLen = total - ihl;
        byte[] pseudo = new byte[12];
        System.arraycopy(frame, ipOff + 12, pseudo, 0, 8);
        pseudo[9] = 6;
        pseudo[10] = (byte) (tcpLen >> 8);
        pseudo[11] = (byte) tcpLen;
        int s = onesSum(pseudo, 0, 12, 0);
        return onesSum(frame, ipOff + ihl, tcpLen, s) == 0xFFFF;
    }

    private static int onesSum(byte[] b, int off, int len, int start) {
        ByteBuffer bb = ByteBuffer.wrap(b);
        int s = start;
        for (int i = 0; i < len; i += 2) {
            int w = i + 1 < len ? Short.toUnsignedInt(bb.getShort(off + i)) : (b[off + i] & 0xFF) << 8;
            s += w;
            if (s > 0xFFFF) {
                s = (s & 0xFFFF) + 1;
            }
        }
        return s;
    }
}
