package io.reelgate.server.task;

/**
 * A validated video-to-video request, as a dialect parsed it (KIE Aleph: {@code POST /api/v1/aleph/generate}).
 *
 * @param aspectRatio {@code null} to keep the source's shape
 * @param paramsJson  the body as received, for record-info's {@code paramJson}
 */
public record AlephRequest(
        String prompt,
        String videoUrl,
        String callBackUrl,
        String waterMark,
        boolean uploadCn,
        String aspectRatio,
        Long seed,
        String referenceImage,
        String paramsJson) {
}
