package io.reelgate.server.api.reelgate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Reelgate's own task view: what KIE's detail lacks. Times are ISO-8601 UTC; {@code queuePosition} is the number of
 * tasks ahead while waiting, null otherwise; {@code expiresAt} is when the result files will be deleted;
 * {@code traceId} is the W3C trace id of the task's trace (null for tasks accepted before tracing), to open it in
 * the tracing backend; {@code dialect} names the wire dialect that accepted the task ({@code kie-runway} for the KIE
 * Runway and Aleph endpoints), whose endpoints alone read it back; {@code model} the model the request named (a
 * registry id, KIE Runway's legacy {@code model} field), null when it named none. {@code upstream} is what the
 * provider said of the run when a hosted engine (Runway, fal, Replicate, Google Veo) serves the task, null otherwise.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record TaskView(
        String taskId,
        String kind,
        String engine,
        String state,
        int progress,
        Integer queuePosition,
        String parentTaskId,
        long cost,
        String createdAt,
        String queuedAt,
        String startedAt,
        String finishedAt,
        String deadlineAt,
        String expiresAt,
        boolean expired,
        String videoUrl,
        String coverUrl,
        Integer failCode,
        String failMsg,
        String traceId,
        String dialect,
        String model,
        Upstream upstream) {

    /**
     * The provider's side of a task: its status word, the requests ahead in its queue (while queued), and what it
     * reported about the run's cost (e.g. {@code {"predictSeconds": 82.0}}), next to the credits charged ({@code cost}).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Upstream(String status, Integer queuePosition, Map<String, Object> usage) {
    }
}
