package io.reelgate.server.task;

import java.time.Instant;

/** The columns a task is inserted with; everything else starts empty. */
public record NewTask(
        String id,
        String apiKeyId,
        TaskKind kind,
        String parentTaskId,
        String engine,
        TaskInput input,
        long cost,
        Instant createdAt,
        Instant deadlineAt) {
}
