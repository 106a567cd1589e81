package io.reelgate.server.task;

/**
 * What the user asked for, as validated; fields a kind does not use are {@code null}.
 *
 * @param aspectRatio    generate: {@code null} when an image decides the ratio; aleph: optional target ratio
 * @param waterMark      {@code ""} for none
 * @param model          legacy generate field, stored for the record, never used to pick the variant
 * @param videoUrl       aleph source video
 * @param seed           aleph seed
 * @param referenceImage aleph style reference image
 * @param uploadCn       aleph storage-region hint, accepted and stored; Reelgate stores results in one place
 * @param paramsJson     aleph: the request body as received, returned by record-info as {@code paramJson}
 */
public record TaskInput(
        String prompt,
        String imageUrl,
        String aspectRatio,
        String quality,
        Integer duration,
        String waterMark,
        String callBackUrl,
        String model,
        boolean expandPrompt,
        String videoUrl,
        Long seed,
        String referenceImage,
        boolean uploadCn,
        String paramsJson) {
}
