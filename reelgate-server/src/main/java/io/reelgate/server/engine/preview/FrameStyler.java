package io.reelgate.server.engine.preview;

import java.util.List;

/**
 * Applies an Aleph look to decoded frames in place, working on the BGR bytes directly because per-pixel
 * {@code getRGB} calls would be far too slow for a few hundred HD frames. The order is fixed: mirror, flip, blur,
 * colour grade (see {@link ColourGrade}), vignette, grain. All randomness comes from the seed, so a job renders the
 * same bytes every time.
 */
final class FrameStyler {

    /** Blur radius as a share of the frame width. */
    private static final double BLUR_SHARE = 0.01;
    /** How much the corners of the default look darken (0..1). */
    private static final double VIGNETTE_DEPTH = 0.35;
    /** Film grain of the vintage look: each pixel's brightness moves by up to this much either way. */
    private static final int GRAIN = 10;

    private final int width;
    private final int height;
    private final boolean mirror;
    private final boolean flip;
    private final BoxBlur blur;
    private final ColourGrade grade;
    /** Per-pixel brightness factor out of 256, or {@code null} for no vignette. */
    private final int[] vignette;
    private final boolean grain;
    private final long seed;
    private final byte[] row;

    /** @param referenceRgb average colour of the style reference as {r, g, b}, or {@code null} */
    FrameStyler(List<AlephEffect> effects, int[] referenceRgb, long seed, int width, int height) {
        this.width = width;
        this.height = height;
        this.mirror = effects.contains(AlephEffect.MIRROR);
        this.flip = effects.contains(AlephEffect.FLIP_VERTICAL);
        this.blur = effects.contains(AlephEffect.BLUR)
                ? new BoxBlur(width, height, Math.max(1, (int) Math.round(width * BLUR_SHARE))) : null;
        this.grade = new ColourGrade(effects, referenceRgb);
        this.vignette = effects.contains(AlephEffect.CINEMATIC) ? vignette(width, height) : null;
        this.grain = effects.contains(AlephEffect.SEPIA);
        this.seed = seed;
        this.row = new byte[width * 3];
    }

    /** @param frameIndex index of the source frame, which varies the grain from frame to frame */
    void apply(byte[] bgr, int frameIndex) {
        if (mirror) {
            mirror(bgr);
        }
        if (flip) {
            flip(bgr);
        }
        if (blur != null) {
            blur.apply(bgr);
        }
        grade.apply(bgr);
        if (vignette != null) {
            for (int p = 0, i = 0; p < vignette.length; p++, i += 3) {
                int factor = vignette[p];
                bgr[i] = (byte) (((bgr[i] & 0xff) * factor) >> 8);
                bgr[i + 1] = (byte) (((bgr[i + 1] & 0xff) * factor) >> 8);
                bgr[i + 2] = (byte) (((bgr[i + 2] & 0xff) * factor) >> 8);
            }
        }
        if (grain) {
            addGrain(bgr, frameIndex);
        }
    }

    private void mirror(byte[] bgr) {
        for (int y = 0; y < height; y++) {
            int left = y * width * 3;
            int right = left + (width - 1) * 3;
            for (; left < right; left += 3, right -= 3) {
                for (int c = 0; c < 3; c++) {
                    byte swap = bgr[left + c];
                    bgr[left + c] = bgr[right + c];
                    bgr[right + c] = swap;
                }
            }
        }
    }

    private void flip(byte[] bgr) {
        int rowBytes = width * 3;
        for (int top = 0, bottom = height - 1; top < bottom; top++, bottom--) {
            System.arraycopy(bgr, top * rowBytes, row, 0, rowBytes);
            System.arraycopy(bgr, bottom * rowBytes, bgr, top * rowBytes, rowBytes);
            System.arraycopy(row, 0, bgr, bottom * rowBytes, rowBytes);
        }
    }

    /** The same offset on all three channels, so grain changes brightness and never adds colour. */
    private void addGrain(byte[] bgr, int frameIndex) {
        // xorshift64: cheap, and its sequence is fixed by the seed alone
        long state = seed ^ (0x9E3779B97F4A7C15L * (frameIndex + 1L));
        if (state == 0) {
            state = 1;
        }
        int range = 2 * GRAIN + 1;
        for (int i = 0; i < bgr.length; i += 3) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            // top 24 bits scaled to 0..range-1: no division per pixel
            int offset = (int) (((state >>> 40) * range) >>> 24) - GRAIN;
            for (int c = 0; c < 3; c++) {
                int value = (bgr[i + c] & 0xff) + offset;
                bgr[i + c] = (byte) (value < 0 ? 0 : Math.min(value, 255));
            }
        }
    }

    /** Brightness falls off with the square of the distance from the centre, measured in the frame's own shape. */
    private static int[] vignette(int width, int height) {
        int[] factors = new int[width * height];
        for (int y = 0; y < height; y++) {
            double dy = (y + 0.5) / height * 2 - 1;
            for (int x = 0; x < width; x++) {
                double dx = (x + 0.5) / width * 2 - 1;
                double distance = (dx * dx + dy * dy) / 2;
                factors[y * width + x] = (int) Math.round(256 * (1 - VIGNETTE_DEPTH * distance));
            }
        }
        return factors;
    }
}
