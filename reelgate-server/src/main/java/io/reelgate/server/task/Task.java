package io.reelgate.server.task;

import java.time.Instant;
import java.util.List;

/**
 * One row of the {@code task} table.
 *
 * @param dialect               the wire dialect that accepted the task; it renders the callback and alone reads
 *                              the task back
 * @param routeEngines          the engines chosen at submit, in order; a transient failure moves the task to the
 *                              one after {@code engine}; empty for tasks routed by the per-kind settings
 * @param upstreamStatus        the provider's own status word of the run (e.g. {@code IN_QUEUE}), or {@code null}
 * @param upstreamQueuePosition requests ahead of it in the provider's queue, while queued there
 * @param upstreamUsageJson     what the provider reported about the run's cost (JSON object), or {@code null}
 */
public record Task(
        String id,
        String apiKeyId,
        TaskKind kind,
        String parentTaskId,
        String engine,
        TaskState state,
        TaskInput input,
        long cost,
        Instant createdAt,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        String leaseOwner,
        Instant leaseUntil,
        int attempts,
        int progress,
        Integer failCode,
        String failMsg,
        String videoId,
        String videoKey,
        String coverKey,
        String startFrameKey,
        Integer width,
        Integer height,
        Instant expiresAt,
        boolean expired,
        Instant deadlineAt,
        String traceParent,
        String dialect,
        List<String> routeEngines,
        String upstreamStatus,
        Integer upstreamQueuePosition,
        String upstreamUsageJson) {

    public Task {
        routeEngines = routeEngines == null ? List.of() : List.copyOf(routeEngines);
    }

    public String prompt() {
        return input.prompt();
    }

    /** The W3C trace id of the task's trace (see {@link TaskTracing}), or null for an untraced task. */
    public String traceId() {
        return TaskTracing.traceIdOf(traceParent);
    }

    /** The row a just-inserted task has, without reading it back. */
    static Task submitted(NewTask t) {
        return new Task(t.id(), t.apiKeyId(), t.kind(), t.parentTaskId(), t.engine(), TaskState.WAIT, t.input(), t.cost(),
                t.createdAt(), null, null, null, null, null, 0, 0, null, null, null, null, null, null, null, null, null,
                false, t.deadlineAt(), t.traceParent(), t.dialect(), t.routeEngines(), null, null, null);
    }
}
