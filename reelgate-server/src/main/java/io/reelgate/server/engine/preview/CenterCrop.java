package io.reelgate.server.engine.preview;

/**
 * The part of a source frame an Aleph output keeps: all of it (rounded down to even sides, as yuv420p needs), or the
 * largest centred region of the requested aspect ratio.
 */
record CenterCrop(int left, int top, int width, int height) {

    /** @param aspectRatio e.g. "21:9", or {@code null} to keep the source's shape */
    static CenterCrop of(int sourceWidth, int sourceHeight, String aspectRatio) {
        int width = sourceWidth;
        int height = sourceHeight;
        if (aspectRatio != null && !aspectRatio.isBlank()) {
            String[] parts = aspectRatio.split(":");
            long ratioWidth = Long.parseLong(parts[0].trim());
            long ratioHeight = Long.parseLong(parts[1].trim());
            if (sourceWidth * ratioHeight > sourceHeight * ratioWidth) {
                width = (int) (sourceHeight * ratioWidth / ratioHeight);
            } else {
                height = (int) (sourceWidth * ratioHeight / ratioWidth);
            }
        }
        width = Math.max(2, width & ~1);
        height = Math.max(2, height & ~1);
        return new CenterCrop((sourceWidth - width) / 2, (sourceHeight - height) / 2, width, height);
    }
}
