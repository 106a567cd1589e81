package io.reelgate.server.media;

import java.nio.file.Path;

/** An H.264 MP4 (yuv420p, moov first) and its JPEG cover, as a render or a normalisation wrote them. */
public record EncodedVideo(Path video, Path cover, int width, int height, int frames, double durationSeconds) {
}
