package io.reelgate.server.task;

import java.time.Instant;

/**
 * The columns a task is inserted with; everything else starts empty.
 *
 * @param traceParent the W3C traceparent of the submit span, null when untraced
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
        String traceParent) {

    public NewTask(String id, String apiKeyId, TaskKind kind, String parentTaskId, String engine, TaskInput input,
                   long cost, Instant createdAt, Instant deadlineAt) {
        this(id, apiKeyId, kind, parentTaskId, engine, input, cost, createdAt, deadlineAt, null);
    }
}
