package io.reelgate.server.task;

import java.time.Instant;

/**
 * The columns a task is inserted with; everything else starts empty.
 *
 * @param traceParent the W3C traceparent of the submit span, null when untraced
 * @param dialect     the wire dialect that accepted the task (its constant lives in that dialect's package)
 */
public record NewTask(
        String id,
        String apiKeyId,
        TaskKind kind,
        String parentTaskId,
        String engine,
        TaskInput input,
        long cost,
        Instant createdAt,
        Instant deadlineAt,
        String traceParent,
        String dialect) {
}
