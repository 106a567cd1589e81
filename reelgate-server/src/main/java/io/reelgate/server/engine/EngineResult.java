package io.reelgate.server.engine;

import java.nio.file.Path;

/**
 * What an engine produced: an H.264 MP4 (yuv420p, moov first) and a JPEG cover, both inside the job's work
 * directory.
 */
public record EngineResult(Path video, Path cover, int width, int height, int frames, double durationSeconds) {
}
