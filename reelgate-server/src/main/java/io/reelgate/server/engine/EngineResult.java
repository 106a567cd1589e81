package io.reelgate.server.engine;

import io.reelgate.server.media.EncodedVideo;
import java.nio.file.Path;

/**
 * What an engine produced: an H.264 MP4 (yuv420p, moov first) and a JPEG cover, both inside the job's work
 * directory, and for an extension the JPEG of the frame it started from ({@code null} otherwise).
 */
public record EngineResult(Path video, Path cover, int width, int height, int frames, double durationSeconds,
                           Path startFrame) {

    public EngineResult(Path video, Path cover, int width, int height, int frames, double durationSeconds) {
        this(video, cover, width, height, frames, durationSeconds, null);
    }

    /** @param startFrame {@code null} unless the video is an extension */
    public static EngineResult of(EncodedVideo video, Path startFrame) {
        return new EngineResult(video.video(), video.cover(), video.width(), video.height(), video.frames(),
                video.durationSeconds(), startFrame);
    }
}
