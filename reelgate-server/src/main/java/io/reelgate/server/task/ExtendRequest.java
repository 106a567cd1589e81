package io.reelgate.server.task;

/**
 * A validated request to continue a finished video, as a dialect parsed it (KIE Runway: {@code POST
 * /api/v1/runway/extend}, whose {@code imageUrl}/{@code expandPrompt} are ignored).
 */
public record ExtendRequest(String taskId, String prompt, String quality, String waterMark, String callBackUrl) {
}
