package io.reelgate.server.task;

/**
 * A validated text- or image-to-video request, as a dialect parsed it (KIE Runway:
 * {@code POST /api/v1/runway/generate}).
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
