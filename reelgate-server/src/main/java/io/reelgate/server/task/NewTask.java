package io.reelgate.server.task;

import java.time.Instant;
import java.util.List;

/**
 * The columns a task is inserted with; everything else starts empty.
 *
 * @param traceParent the W3C traceparent of the submit span, null when untraced
 * @param dialect      the wire dialect that accepted the task (its constant lives in that dialect's package)
 * @param routeEngines the engines chosen at submit in order of preference ({@code engine} first); empty when the
 *                     per-kind routing settings decide failover
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
        String dialect,
        List<String> routeEngines) {

    public NewTask {
        routeEngines = routeEngines == null ? List.of() : List.copyOf(routeEngines);
    }
}
