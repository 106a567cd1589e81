package io.reelgate.server.task;

import java.time.Instant;

/** What a successful run stores on the task. */
public record TaskOutput(String videoId, String videoKey, String coverKey, int width, int height, Instant expiresAt) {
}
