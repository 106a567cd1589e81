package io.reelgate.server.engine;

import java.nio.file.Path;

/**
 * What an engine needs to render one task. Values are already validated.
 *
 * @param taskId        for logs only
 * @param prompt        the user's prompt
 * @param imageUrl      reference image to animate, or {@code null} for text-to-video
 * @param aspectRatio   one of 16:9, 4:3, 1:1, 3:4, 9:16; {@code null} when an image decides the ratio
 * @param quality       720p or 1080p
 * @param durationSeconds 5, 8 or 10
 * @param waterMark     text to draw bottom-right on every frame; empty for none
 * @param workDir       an empty directory the engine may write into; deleted by the caller afterwards
 */
public record EngineJob(
        String taskId,
        String prompt,
        String imageUrl,
        String aspectRatio,
        String quality,
        int durationSeconds,
        String waterMark,
        Path workDir) {

    public boolean hasImage() {
        return imageUrl != null && !imageUrl.isBlank();
    }

    public boolean hasWaterMark() {
        return waterMark != null && !waterMark.isEmpty();
    }
}
