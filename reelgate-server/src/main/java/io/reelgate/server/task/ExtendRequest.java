package io.reelgate.server.task;

/** A validated {@code POST /api/v1/runway/extend} body. {@code imageUrl}/{@code expandPrompt} are ignored. */
public record ExtendRequest(String taskId, String prompt, String quality, String waterMark, String callBackUrl) {
}
