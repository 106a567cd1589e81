package io.reelgate.server.api.openai;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The smallest correct lossless WebP (VP8L) writer: no transforms and no colour cache, every green, red and blue
 * value coded with 8 bits, alpha fixed at 255. The files are about as large as raw RGB, which is fine for one
 * cached thumbnail, and it spares a native WebP library (the bundled FFmpeg has no WebP encoder).
 */
final class LosslessWebp {

    /** Green's alphabet: 256 literals plus 24 length prefixes (no colour cache). */
    private static final int GREEN_SYMBOLS = 280;
    /** Code-length codes are sent in this order; we use only 0 ("unused") and 8 ("8-bit code"). */
    private static final int[] CODE_LENGTH_ORDER = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8};

    private LosslessWebp() {
    }

    static byte[] encode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        Bits bits = new Bits();
        bits.write(8, 0x2f);
        bits.write(14, width - 1);
        bits.write(14, height - 1);
        bits.write(1, 0);
        bits.write(3, 0);
        bits.write(1, 0); // no transform
        bits.write(1, 0); // no colour cache
        bits.write(1, 0); // one prefix code group for the whole image
        eightBitCode(bits, GREEN_SYMBOLS);
        eightBitCode(bits, 256);
        eightBitCode(bits, 256);
        singleSymbol(bits, 255);
        singleSymbol(bits, 0);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                bits.write(8, reversed((rgb >> 8) & 0xff));
                bits.write(8, reversed((rgb >> 16) & 0xff));
                bits.write(8, reversed(rgb & 0xff));
            }
        }
        return riff(bits.bytes());
    }

    /** A normal prefix code where symbols 0..255 have length 8 and the rest (if any) are unused. */
    private static void eightBitCode(Bits bits, int alphabet) {
        bits.write(1, 0);
        bits.write(4, CODE_LENGTH_ORDER.length - 4);
        for (int symbol : CODE_LENGTH_ORDER) {
            bits.write(3, symbol == 0 || symbol == 8 ? 1 : 0);
        }
        bits.write(1, 0); // code lengths for the whole alphabet
        for (int symbol = 0; symbol < alphabet; symbol++) {
            // canonical code of the code-length code: length 0 is "0", length 8 is "1"
            bits.write(1, symbol < 256 ? 1 : 0);
        }
    }

    /** A simple prefix code of one symbol, which costs no bits per pixel. */
    private static void singleSymbol(Bits bits, int symbol) {
        bits.write(1, 1);
        bits.write(1, 0);
        bits.write(1, 1);
        bits.write(8, symbol);
    }

    /** Prefix codes are read bit by bit from the code's first bit, while the stream is packed from the low bit. */
    private static int reversed(int value) {
        return Integer.reverse(value) >>> 24;
    }

    private static byte[] riff(byte[] vp8l) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(vp8l.length + 21);
        int padded = vp8l.length + (vp8l.length & 1);
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        littleEndian(out, 4 + 8 + padded);
        out.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
        littleEndian(out, vp8l.length);
        out.writeBytes(vp8l);
        if ((vp8l.length & 1) == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static void littleEndian(ByteArrayOutputStream out, int value) {
        for (int i = 0; i < 4; i++) {
            out.write((value >> (8 * i)) & 0xff);
        }
    }

    /** Bits packed from the least significant bit of each byte, as VP8L reads them. */
    private static final class Bits {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long pending;
        private int count;

        void write(int width, int value) {
            pending |= ((long) value & ((1L << width) - 1)) << count;
            count += width;
            while (count >= 8) {
                out.write((int) (pending & 0xff));
                pending >>>= 8;
                count -= 8;
            }
        }

        byte[] bytes() {
            if (count > 0) {
                out.write((int) (pending & 0xff));
                pending = 0;
                count = 0;
            }
            return out.toByteArray();
        }
    }
}
