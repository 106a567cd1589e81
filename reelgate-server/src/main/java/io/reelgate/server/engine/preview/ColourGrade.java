package io.reelgate.server.engine.preview;

import java.util.List;

/**
 * The colour part of an Aleph look, folded into one affine RGB transform (reference tint, monochrome, sepia) followed
 * by one lookup table per channel (invert, brightness, temperature, contrast), so any combination costs the same
 * few operations per pixel. Integer arithmetic keeps the result identical on every JVM.
 */
final class ColourGrade {

    /** How far frames move towards the reference image's average colour. */
    private static final double REFERENCE_STRENGTH = 0.2;
    private static final int FIXED_ONE = 1 << 12;
    private static final double[][] IDENTITY = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}};
    /** BT.601 luma, the weights the yuv420p conversion uses, so a grey pixel ends with neutral chroma. */
    private static final double[] LUMA = {0.299, 0.587, 0.114};
    private static final double[][] SEPIA = {{0.393, 0.769, 0.189, 0}, {0.349, 0.686, 0.168, 0}, {0.272, 0.534, 0.131, 0}};

    /** Rows R, G, B of {r, g, b, offset}, scaled by {@link #FIXED_ONE}; {@code null} when the colours stay. */
    private final int[] matrix;
    private final byte[] red = new byte[256];
    private final byte[] green = new byte[256];
    private final byte[] blue = new byte[256];

    /** @param referenceRgb average colour of the style reference as {r, g, b}, or {@code null} */
    ColourGrade(List<AlephEffect> effects, int[] referenceRgb) {
        double[][] affine = IDENTITY;
        if (referenceRgb != null) {
            double keep = 1 - REFERENCE_STRENGTH;
            affine = then(affine, new double[][] {
                    {keep, 0, 0, REFERENCE_STRENGTH * referenceRgb[0]},
                    {0, keep, 0, REFERENCE_STRENGTH * referenceRgb[1]},
                    {0, 0, keep, REFERENCE_STRENGTH * referenceRgb[2]}});
        }
        if (effects.contains(AlephEffect.MONOCHROME)) {
            affine = then(affine, new double[][] {row(LUMA), row(LUMA), row(LUMA)});
        }
        if (effects.contains(AlephEffect.SEPIA)) {
            affine = then(affine, SEPIA);
        }
        matrix = affine == IDENTITY ? null : fixedPoint(affine);
        for (int v = 0; v < 256; v++) {
            double[] rgb = {v, v, v};
            for (AlephEffect effect : effects) {
                rgb = curve(effect, rgb);
            }
            red[v] = (byte) clamp((int) Math.round(rgb[0]));
            green[v] = (byte) clamp((int) Math.round(rgb[1]));
            blue[v] = (byte) clamp((int) Math.round(rgb[2]));
        }
    }

    /** The per-channel part of an effect, applied to one input level of each channel. */
    private static double[] curve(AlephEffect effect, double[] rgb) {
        double[] out = rgb.clone();
        for (int c = 0; c < 3; c++) {
            double x = Math.max(0, Math.min(255, rgb[c])) / 255;
            out[c] = 255 * switch (effect) {
                case INVERT -> 1 - x;
                case BRIGHTER -> 0.08 + 0.92 * Math.pow(x, 0.7);
                case DARKER -> 0.7 * Math.pow(x, 1.25);
                // the middle of the temperature change is at the mid-tones, so black and white stay put
                case WARMER -> x + (c == 0 ? 0.1 : c == 1 ? 0.03 : -0.1) * 4 * x * (1 - x);
                case COOLER -> x + (c == 0 ? -0.1 : c == 1 ? 0.0 : 0.1) * 4 * x * (1 - x);
                // a gentle S-curve: a quarter of the way to smoothstep
                case CINEMATIC -> x + 0.25 * (x * x * (3 - 2 * x) - x);
                default -> x;
            };
        }
        return out;
    }

    /** Grades BGR pixels in place. */
    void apply(byte[] bgr) {
        if (matrix == null) {
            for (int i = 0; i < bgr.length; i += 3) {
                bgr[i] = blue[bgr[i] & 0xff];
                bgr[i + 1] = green[bgr[i + 1] & 0xff];
                bgr[i + 2] = red[bgr[i + 2] & 0xff];
            }
            return;
        }
        // the matrix in locals: the JIT then keeps it in registers for the whole frame
        int m0 = matrix[0], m1 = matrix[1], m2 = matrix[2], m3 = matrix[3] + FIXED_ONE / 2;
        int m4 = matrix[4], m5 = matrix[5], m6 = matrix[6], m7 = matrix[7] + FIXED_ONE / 2;
        int m8 = matrix[8], m9 = matrix[9], m10 = matrix[10], m11 = matrix[11] + FIXED_ONE / 2;
        for (int i = 0; i < bgr.length; i += 3) {
            int b = bgr[i] & 0xff;
            int g = bgr[i + 1] & 0xff;
            int r = bgr[i + 2] & 0xff;
            int r2 = clamp((m0 * r + m1 * g + m2 * b + m3) >> 12);
            int g2 = clamp((m4 * r + m5 * g + m6 * b + m7) >> 12);
            int b2 = clamp((m8 * r + m9 * g + m10 * b + m11) >> 12);
            bgr[i] = blue[b2];
            bgr[i + 1] = green[g2];
            bgr[i + 2] = red[r2];
        }
    }

    /** {@code second} applied after {@code first}: second * first in homogeneous coordinates. */
    private static double[][] then(double[][] first, double[][] second) {
        double[][] result = new double[3][4];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 4; col++) {
                double sum = col == 3 ? second[row][3] : 0;
                for (int k = 0; k < 3; k++) {
                    sum += second[row][k] * first[k][col];
                }
                result[row][col] = sum;
            }
        }
        return result;
    }

    private static double[] row(double[] weights) {
        return new double[] {weights[0], weights[1], weights[2], 0};
    }

    private static int[] fixedPoint(double[][] affine) {
        int[] result = new int[12];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 4; col++) {
                result[row * 4 + col] = (int) Math.round(affine[row][col] * FIXED_ONE);
            }
        }
        return result;
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }
}
