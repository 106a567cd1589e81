package io.reelgate.server.task;

/**
 * A validated {@code POST /api/v1/runway/generate} body.
 *
 * @param imageUrl     {@code null} for text-to-video
 * @param aspectRatio  {@code null} when an image is given (the image decides the ratio, as KIE documents)
 * @param waterMark    {@code ""} for none
 * @param callBackUrl  {@code null} when absent
 * @param model        legacy field, stored for the record, never used to pick the variant
 */
public record GenerateRequest(
        String prompt,
        String imageUrl,
        String aspectRatio,
        int duration,
        String quality,
        String waterMark,
        String callBackUrl,
        String model,
        boolean expandPrompt) {
}
