package io.reelgate.server.catalog;

import java.util.List;

/**
 * What to render for a validated input, whatever the model: the prompt, the length, the size (a short side and an
 * aspect ratio, or an explicit width and height) and the media to start from. A {@code null} {@code aspectRatio}
 * means the first frame decides it; {@code shortSide} {@code null} means 720.
 */
public record RenderSpec(String prompt, int durationSeconds, Integer shortSide, String aspectRatio,
                         Integer width, Integer height, String firstFrameUrl, String lastFrameUrl,
                         List<String> referenceImageUrls, String sourceVideoUrl, boolean audio, Long seed,
                         String negativePrompt) {

    private static final int DEFAULT_SHORT_SIDE = 720;
    private static final double DEFAULT_ASPECT = 16.0 / 9.0;

    public RenderSpec {
        referenceImageUrls = List.copyOf(referenceImageUrls);
    }

    /**
     * Output width and height, both even as H.264 with yuv420p requires. {@code imageAspect} (width / height of the
     * first frame) is used when the ratio is left to the image; without it the output is 16:9.
     */
    public Dimensions dimensions(Double imageAspect) {
        if (width != null && height != null) {
            return new Dimensions(even(width), even(height));
        }
        double aspect = aspectRatio != null ? ratio(aspectRatio) : imageAspect != null ? imageAspect : DEFAULT_ASPECT;
        int shortEdge = even(shortSide != null ? shortSide : DEFAULT_SHORT_SIDE);
        return aspect >= 1
                ? new Dimensions(even(shortEdge * aspect), shortEdge)
                : new Dimensions(shortEdge, even(shortEdge / aspect));
    }

    static double ratio(String aspectRatio) {
        String[] parts = aspectRatio.split(":");
        return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
    }

    private static int even(double value) {
        int rounded = (int) Math.round(value);
        return rounded % 2 == 0 ? rounded : rounded + 1;
    }

    /** An output size in pixels. */
    public record Dimensions(int width, int height) {
    }
}
