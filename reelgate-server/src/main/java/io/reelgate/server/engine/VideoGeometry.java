package io.reelgate.server.engine;

import java.util.List;

/**
 * Output size for a quality and aspect ratio. The short side is the quality's line count (480p, 512P, 720p, 768P,
 * 1080p; 4k is 2160) and the long side follows the ratio, rounded to an even number as yuv420p requires: 720p 16:9 =
 * 1280x720, 9:16 = 720x1280, 1:1 = 720x720, 4:3 = 960x720, 3:4 = 720x960; the others likewise.
 */
public record VideoGeometry(int width, int height) {

    public static final List<String> ASPECT_RATIOS = List.of("16:9", "4:3", "1:1", "3:4", "9:16");

    public static VideoGeometry of(String quality, String aspectRatio) {
        int shortSide = shortSide(quality);
        String[] parts = aspectRatio.split(":");
        int w = Integer.parseInt(parts[0]);
        int h = Integer.parseInt(parts[1]);
        if (w >= h) {
            return new VideoGeometry(even(shortSide * w / (double) h), shortSide);
        }
        return new VideoGeometry(shortSide, even(shortSide * h / (double) w));
    }

    /**
     * Lines of a resolution label, whatever case the dialect uses ({@code 768P}, {@code 1080p}, {@code 4k}); an
     * unknown or missing label is 720, KIE Runway's default.
     */
    public static int shortSide(String quality) {
        if (quality == null) {
            return 720;
        }
        String label = quality.toLowerCase(java.util.Locale.ROOT);
        if (label.equals("4k") || label.equals("2160p")) {
            return 2160;
        }
        if (label.matches("[1-9][0-9]{2,3}p")) {
            return Integer.parseInt(label.substring(0, label.length() - 1));
        }
        return 720;
    }

    /** An explicit size, {@code 1280x720}. */
    public static VideoGeometry parse(String size) {
        String[] parts = size.split("x");
        return new VideoGeometry(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
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
