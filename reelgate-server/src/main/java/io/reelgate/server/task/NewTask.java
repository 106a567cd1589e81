package io.reelgate.server.task;

import java.time.Instant;

/** The columns a task is inserted with; everything else starts empty. */
public record NewTask(
        String id,
        String apiKeyId,
        TaskKind kind,
        String parentTaskId,
        String engine,
        String prompt,
        String imageUrl,
        String aspectRatio,
        String quality,
        Integer duration,
        String waterMark,
        String callBackUrl,
        String model,
        boolean expandPrompt,
        Instant createdAt) {
}
