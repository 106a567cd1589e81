package io.reelgate.server.engine;

import java.nio.file.Path;

/**
 * What an engine needs to render one task. Values are already validated.
 *
 * @param taskId          for logs only
 * @param kind            which KIE operation this is
 * @param prompt          the user's prompt
 * @param imageUrl        generate: reference image to animate, or {@code null} for text-to-video
 * @param aspectRatio     generate: one of 16:9, 4:3, 1:1, 3:4, 9:16 ({@code null} when an image decides);
 *                        aleph: optional target ratio, which may also be 21:9
 * @param quality         720p or 1080p ({@code null} for aleph)
 * @param durationSeconds generate and extend: 5, 8 or 10; aleph: the most seconds of source to process
 * @param waterMark       text to draw bottom-right on every frame; empty for none
 * @param parentVideo     extend: the parent's video, copied into the work directory; otherwise {@code null}
 * @param videoUrl        aleph: the source video to transform; otherwise {@code null}
 * @param seed            aleph: optional seed for reproducible variation
 * @param referenceImage  aleph: optional style reference image URL
 * @param workDir         an empty directory the engine may write into; deleted by the caller afterwards
 */
public record EngineJob(
        String taskId,
        Kind kind,
        String prompt,
        String imageUrl,
        String aspectRatio,
        String quality,
        int durationSeconds,
        String waterMark,
        Path parentVideo,
        String videoUrl,
        Long seed,
        String referenceImage,
        Path workDir) {

    public enum Kind { GENERATE, EXTEND, ALEPH }

    /** A text- or image-to-video job. */
    public static EngineJob generate(String taskId, String prompt, String imageUrl, String aspectRatio, String quality,
                                     int durationSeconds, String waterMark, Path workDir) {
        return new EngineJob(taskId, Kind.GENERATE, prompt, imageUrl, aspectRatio, quality, durationSeconds, waterMark,
                null, null, null, null, workDir);
    }

    public boolean hasImage() {
        return imageUrl != null && !imageUrl.isBlank();
    }

    public boolean hasWaterMark() {
        return waterMark != null && !waterMark.isEmpty();
    }
}
