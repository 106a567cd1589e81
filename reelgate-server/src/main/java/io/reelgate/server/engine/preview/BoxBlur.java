package io.reelgate.server.engine.preview;

import java.util.Arrays;

/**
 * A separable box blur over BGR bytes with running sums, so its cost does not grow with the radius. Edges repeat the
 * border pixel. Both passes walk memory row by row, which matters more for speed than the arithmetic. Scratch
 * buffers are kept, so one instance serves one frame size and one thread.
 */
final class BoxBlur {

    private final int width;
    private final int height;
    private final int radius;
    /** 1 / window in 16.16 fixed point: a multiply instead of a division per sample. */
    private final int reciprocal;
    private final byte[] scratch;
    private final int[] columnSums;

    BoxBlur(int width, int height, int radius) {
        this.width = width;
        this.height = height;
        this.radius = radius;
        this.reciprocal = (1 << 16) / (2 * radius + 1);
        this.scratch = new byte[width * height * 3];
        this.columnSums = new int[width * 3];
    }

    /** Blurs in place: rows into the scratch buffer, then columns back. */
    void apply(byte[] bgr) {
        for (int y = 0; y < height; y++) {
            blurRow(bgr, scratch, y * width * 3);
        }
        blurColumns(scratch, bgr);
    }

    /** All three channels at once with three running sums, so the row is read front to back. */
    private void blurRow(byte[] from, byte[] to, int rowStart) {
        int last = width - 1;
        int sumB = 0;
        int sumG = 0;
        int sumR = 0;
        for (int k = -radius; k <= radius; k++) {
            int p = rowStart + clamp(k, last) * 3;
            sumB += from[p] & 0xff;
            sumG += from[p + 1] & 0xff;
            sumR += from[p + 2] & 0xff;
        }
        int half = 1 << 15;
        for (int x = 0, out = rowStart; x < width; x++, out += 3) {
            to[out] = (byte) ((sumB * reciprocal + half) >>> 16);
            to[out + 1] = (byte) ((sumG * reciprocal + half) >>> 16);
            to[out + 2] = (byte) ((sumR * reciprocal + half) >>> 16);
            int in = rowStart + clamp(x + radius + 1, last) * 3;
            int gone = rowStart + clamp(x - radius, last) * 3;
            sumB += (from[in] & 0xff) - (from[gone] & 0xff);
            sumG += (from[in + 1] & 0xff) - (from[gone + 1] & 0xff);
            sumR += (from[in + 2] & 0xff) - (from[gone + 2] & 0xff);
        }
    }

    /** Keeps one running sum per column and byte, moved down a row at a time. */
    private void blurColumns(byte[] from, byte[] to) {
        int rowBytes = width * 3;
        int last = height - 1;
        int[] sums = columnSums;
        Arrays.fill(sums, 0);
        for (int k = -radius; k <= radius; k++) {
            int row = clamp(k, last) * rowBytes;
            for (int i = 0; i < rowBytes; i++) {
                sums[i] += from[row + i] & 0xff;
            }
        }
        for (int y = 0; y < height; y++) {
            int out = y * rowBytes;
            int entering = clamp(y + radius + 1, last) * rowBytes;
            int leaving = clamp(y - radius, last) * rowBytes;
            for (int i = 0; i < rowBytes; i++) {
                to[out + i] = (byte) ((sums[i] * reciprocal + (1 << 15)) >>> 16);
                sums[i] += (from[entering + i] & 0xff) - (from[leaving + i] & 0xff);
            }
        }
    }

    private static int clamp(int index, int last) {
        return index < 0 ? 0 : Math.min(index, last);
    }
}
