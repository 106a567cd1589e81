package io.reelgate.server.engine.preview;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * Draws an opaque RGB image scaled and moved (no rotation) onto a BGR frame with bilinear sampling: every camera move
 * and every stretch the painters make. Java2D's transformed {@code drawImage} took about 20 ns a pixel for this on
 * the build machine, as long as the rest of the frame's painting and encoding together; this loop takes about 5.
 */
final class Resampler {

    /** Fixed-point weights: 256 is the whole of a pixel. */
    private static final int ONE = 256;

    private Resampler() {
    }

    /** {@code source} stretched over the whole of {@code target}, as {@code drawImage(source, 0, 0, w, h)} does. */
    static void stretch(BufferedImage source, BufferedImage target) {
        draw(source, target, target.getWidth() / (double) source.getWidth(),
                target.getHeight() / (double) source.getHeight(), 0, 0);
    }

    /**
     * {@code source} at {@code scaleX} by {@code scaleY} with its top-left corner at ({@code left}, {@code top}) of
     * {@code target}. Target pixels whose centre falls outside the scaled source keep what they had. A scale of 1 at
     * whole-pixel offsets copies pixels exactly.
     *
     * @param source {@link BufferedImage#TYPE_INT_RGB}
     * @param target {@link BufferedImage#TYPE_3BYTE_BGR}
     */
    static void draw(BufferedImage source, BufferedImage target, double scaleX, double scaleY, double left, double top) {
        int[] from = ((DataBufferInt) source.getRaster().getDataBuffer()).getData();
        byte[] to = ((DataBufferByte) target.getRaster().getDataBuffer()).getData();
        int sourceWidth = source.getWidth();
        int targetWidth = target.getWidth();
        int firstX = firstCentreFrom(left, targetWidth);
        int endX = firstCentreFrom(left + sourceWidth * scaleX, targetWidth);
        int firstY = firstCentreFrom(top, target.getHeight());
        int endY = firstCentreFrom(top + source.getHeight() * scaleY, target.getHeight());
        if (firstX >= endX || firstY >= endY) {
            return;
        }
        int columns = endX - firstX;
        int[] near = new int[columns];
        int[] far = new int[columns];
        int[] farWeight = new int[columns];
        for (int i = 0; i < columns; i++) {
            Tap tap = Tap.at((firstX + i + 0.5 - left) / scaleX - 0.5, sourceWidth);
            near[i] = tap.near;
            far[i] = tap.far;
            farWeight[i] = tap.farWeight;
        }
        // each source row is resampled across once and kept while the target rows between it and the next need it
        Row upper = new Row(columns);
        Row lower = new Row(columns);
        for (int y = firstY; y < endY; y++) {
            Tap tap = Tap.at((y + 0.5 - top) / scaleY - 0.5, source.getHeight());
            if (upper.sourceRow != tap.near && lower.sourceRow == tap.near) {
                Row swap = upper;
                upper = lower;
                lower = swap;
            }
            upper.fill(tap.near, from, sourceWidth, near, far, farWeight);
            lower.fill(tap.far, from, sourceWidth, near, far, farWeight);
            blendRow(upper.pixels, lower.pixels, tap.farWeight, to, (y * targetWidth + firstX) * 3);
        }
    }

    /**
     * Writes {@code a} and {@code b} mixed as {@link #blend} does, as BGR bytes from {@code out}. The hottest loop of a
     * render (every pixel of every frame): blend is written out and the arrays held in locals because the test JVMs
     * run C1 only, which neither inlines a method this size nor hoists the loads: a quarter faster there.
     */
    private static void blendRow(int[] a, int[] b, int weightOfB, byte[] to, int out) {
        int weightOfA = ONE - weightOfB;
        for (int i = 0; i < a.length; i++, out += 3) {
            int first = a[i];
            int second = b[i];
            int redBlue = (((first & 0xFF00FF) * weightOfA + (second & 0xFF00FF) * weightOfB) >>> 8) & 0xFF00FF;
            int green = (((first & 0x00FF00) * weightOfA + (second & 0x00FF00) * weightOfB) >>> 8) & 0x00FF00;
            to[out] = (byte) redBlue;
            to[out + 1] = (byte) (green >> 8);
            to[out + 2] = (byte) (redBlue >> 16);
        }
    }

    /**
     * {@code a} and {@code b} (0xRRGGBB) mixed with {@code weightOfB}/256 of {@code b}: red and blue ride in one
     * multiplication, green in another, and neither overflows into its neighbour. A weight of 0 gives {@code a}.
     */
    private static int blend(int a, int b, int weightOfB) {
        int weightOfA = ONE - weightOfB;
        int redBlue = (((a & 0xFF00FF) * weightOfA + (b & 0xFF00FF) * weightOfB) >>> 8) & 0xFF00FF;
        int green = (((a & 0x00FF00) * weightOfA + (b & 0x00FF00) * weightOfB) >>> 8) & 0x00FF00;
        return redBlue | green;
    }

    /** One source row resampled to the target's columns. */
    private static final class Row {
        final int[] pixels;
        int sourceRow = -1;

        Row(int columns) {
            pixels = new int[columns];
        }

        void fill(int row, int[] from, int sourceWidth, int[] near, int[] far, int[] farWeight) {
            if (sourceRow == row) {
                return;
            }
            int start = row * sourceWidth;
            int[] out = pixels;
            for (int i = 0; i < out.length; i++) {
                out[i] = blend(from[start + near[i]], from[start + far[i]], farWeight[i]);
            }
            sourceRow = row;
        }
    }

    /** The first pixel (0..size) whose centre is at or after {@code edge}: where a covered run starts or ends. */
    private static int firstCentreFrom(double edge, int size) {
        return (int) Math.max(0, Math.min(size, Math.ceil(edge - 0.5)));
    }

    /** The two source pixels a position falls between, and the weight of the second; edges repeat. */
    private record Tap(int near, int far, int farWeight) {

        static Tap at(double position, int size) {
            int near = (int) Math.floor(position);
            if (near < 0) {
                return new Tap(0, 0, 0);
            }
            if (near >= size - 1) {
                return new Tap(size - 1, size - 1, 0);
            }
            int weight = (int) Math.round((position - near) * ONE);
            return weight == ONE ? new Tap(near + 1, near + 1, 0) : new Tap(near, near + 1, weight);
        }
    }
}
