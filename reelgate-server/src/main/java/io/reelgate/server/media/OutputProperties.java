package io.reelgate.server.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of every video Reelgate hands out, whichever engine made it. {@code reelgate.engine.preview.bitrate-kbps}
 * is still read when the new name is not set ({@link LegacyOutputSettings}).
 *
 * @param bitrateKbps H.264 target bitrate for 1280x720; other sizes scale it by their pixel count
 */
@ConfigurationProperties("reelgate.output")
public record OutputProperties(@DefaultValue("4000") int bitrateKbps) {

    private static final double PIXELS_720P = 1280 * 720;

    public OutputProperties {
        if (bitrateKbps < 100) {
            throw new IllegalArgumentException("reelgate.output.bitrate-kbps must be at least 100");
        }
    }

    public static OutputProperties defaults() {
        return new OutputProperties(4000);
    }

    /** Bits per second for a video of this size. */
    public int bitrateFor(int width, int height) {
        return (int) Math.round(bitrateKbps * 1000L * (width * (double) height / PIXELS_720P));
    }
}
