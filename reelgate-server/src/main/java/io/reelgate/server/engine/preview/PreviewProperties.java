package io.reelgate.server.engine.preview;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the preview engine.
 *
 * @param fps           frames per second of the output
 * @param maxImageBytes largest reference image that is downloaded
 * @param maxVideoBytes largest Aleph source video that is downloaded; 10 MiB is the documented Aleph maximum
 */
@ConfigurationProperties("reelgate.engine.preview")
public record PreviewProperties(
        @DefaultValue("24") int fps,
        @DefaultValue("10485760") long maxImageBytes,
        @DefaultValue("10485760") long maxVideoBytes) {

    public PreviewProperties {
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("reelgate.engine.preview.fps must be 1..60");
        }
        if (maxImageBytes < 1 || maxVideoBytes < 1) {
            throw new IllegalArgumentException("reelgate.engine.preview.max-image-bytes/max-video-bytes too small");
        }
    }

    public static PreviewProperties defaults() {
        return new PreviewProperties(24, 10L * 1024 * 1024, 10L * 1024 * 1024);
    }
}
