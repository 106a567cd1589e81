package io.reelgate.server.task;

import java.time.Instant;

/** What a successful run stores on the task; {@code startFrameKey} only for extensions. */
public record TaskOutput(String videoId, String videoKey, String coverKey, String startFrameKey, int width, int height,
                         Instant expiresAt) {
}
