package io.reelgate.server.engine;

import java.util.List;

/**
 * Output size for a quality and aspect ratio. The short side is the quality's line count (720 or 1080) and the
 * long side follows the ratio, rounded to an even number as yuv420p requires: 720p 16:9 = 1280x720, 9:16 =
 * 720x1280, 1:1 = 720x720, 4:3 = 960x720, 3:4 = 720x960; 1080p likewise.
 */
public record VideoGeometry(int width, int height) {

    public static final List<String> ASPECT_RATIOS = List.of("16:9", "4:3", "1:1", "3:4", "9:16");

    public static VideoGeometry of(String quality, String aspectRatio) {
        int shortSide = "1080p".equals(quality) ? 1080 : 720;
        String[] parts = aspectRatio.split(":");
        int w = Integer.parseInt(parts[0]);
        int h = Integer.parseInt(parts[1]);
        if (w >= h) {
            return new VideoGeometry(even(shortSide * w / (double) h), shortSide);
        }
        return new VideoGeometry(shortSide, even(shortSide * h / (double) w));
    }

    /** The supported ratio closest to an image's shape, used when the image decides the output ratio. */
    public static String nearestAspectRatio(int imageWidth, int imageHeight) {
        return nearestAspectRatio(imageWidth, imageHeight, ASPECT_RATIOS);
    }

    /**
     * The ratio ("4:3") among {@code ratios} closest to an image's shape, compared on a log scale so 2:1 and 1:2
     * are equally far from 1:1; the one rule for every engine whose upstream offers its own set of ratios.
     */
    public static String nearestAspectRatio(int imageWidth, int imageHeight, Iterable<String> ratios) {
        double target = Math.log(imageWidth / (double) imageHeight);
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        for (String ratio : ratios) {
            String[] parts = ratio.split(":");
            double distance = Math.abs(Math.log(Double.parseDouble(parts[0]) / Double.parseDouble(parts[1])) - target);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = ratio;
            }
        }
        return best;
    }

    private static int even(double value) {
        int rounded = (int) Math.round(value);
        return rounded % 2 == 0 ? rounded : rounded + 1;
    }
}
