package io.reelgate.server.engine.preview;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the preview engine.
 *
 * @param fps           frames per second of the output
 * @param maxImageBytes largest reference image that is downloaded
 * @param bitrateKbps   H.264 target bitrate for 1280x720; other sizes scale it by their pixel count
 * @param maxVideoBytes largest Aleph source video that is downloaded; 10 MiB is the documented Aleph maximum
 */
@ConfigurationProperties("reelgate.engine.preview")
public record PreviewProperties(
        @DefaultValue("24") int fps,
        @DefaultValue("10485760") long maxImageBytes,
        @DefaultValue("4000") int bitrateKbps,
        @DefaultValue("10485760") long maxVideoBytes) {

    private static final double PIXELS_720P = 1280 * 720;

    public PreviewProperties {
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("reelgate.engine.preview.fps must be 1..60");
        }
        if (maxImageBytes < 1 || bitrateKbps < 100 || maxVideoBytes < 1) {
            throw new IllegalArgumentException(
                    "reelgate.engine.preview.max-image-bytes/bitrate-kbps/max-video-bytes too small");
        }
    }

    public static PreviewProperties defaults() {
        return new PreviewProperties(24, 10L * 1024 * 1024, 4000, 10L * 1024 * 1024);
    }

    int bitrateFor(int width, int height) {
        return (int) Math.round(bitrateKbps * 1000L * (width * (double) height / PIXELS_720P));
    }
}
